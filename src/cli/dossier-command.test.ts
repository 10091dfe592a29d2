import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDefuse } from '../../test/cli.js';
import { buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import { buildCostlyCase } from '../../test/reviews.js';
import { exportDossier } from '../services/review-dossier.js';
import { openReviewByHand } from '../services/review-opening.js';
import { openSqlite } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';

const defuse = runDefuse;

describe('defuse audit dossier', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'defuse-dossier-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('recognises an exported dossier byte for byte, and nothing else', async () => {
    const database = openSqlite(join(dir, 'defuse.db'));
    let file: string;
    try {
      await migrateToLatest(database);
      const ws = await buildWorkspace(database.db);
      const cast = await buildCast(ws.ctx());
      const employee = { db: database.db, actor: cast.employeeA.actor, now: new Date() };
      const kase = await buildCostlyCase(ws.ctx(), {
        teamId: cast.teamA.id,
        employeeId: cast.employeeA.actor.employeeId as string,
        employee,
        loss: 600,
      });
      const hr = { db: database.db, actor: cast.hr.actor, now: new Date() };
      const review = await openReviewByHand(hr, {
        employeeId: cast.employeeA.actor.employeeId as string,
        caseRefs: [kase.ref],
        reason: 'A complaint',
      });
      const { pdf } = await exportDossier(hr, review.id);
      file = join(dir, 'dossier.pdf');
      writeFileSync(file, pdf);
      const changed = Buffer.from(pdf);
      changed[100] = (changed[100] as number) ^ 1;
      writeFileSync(join(dir, 'changed.pdf'), changed);
    } finally {
      await database.close();
    }
    const ok = defuse(dir, 'audit', 'dossier', file);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK: .* unchanged \(SHA-256 [0-9a-f]{64}\)/);
    const bad = defuse(dir, 'audit', 'dossier', join(dir, 'changed.pdf'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('NOT RECOGNISED');
    expect(defuse(dir, 'audit', 'dossier', join(dir, 'missing.pdf')).code).toBe(2);
  }, 60_000);
});
