import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNarratives } from '../../bench/narratives.js';
import { buildCase } from '../../test/factories.js';
import { createCase } from '../services/create-case.js';
import { openSqlite } from '../store/db.js';

const MAIN = new URL('./main.ts', import.meta.url).pathname;

function defuse(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DEFUSE_DATA_DIR: dataDir, DEFUSE_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('defuse insights themes', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'defuse-insights-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('mines the texts of a JSONL file and prints the themes and each id’s theme', () => {
    const narratives = generateNarratives(400, 5, { topics: 5 });
    const file = join(dir, 'texts.jsonl');
    writeFileSync(file, `${narratives.map((n) => JSON.stringify({ id: n.id, text: n.text })).join('\n')}\n`);
    const json = defuse(dir, 'insights', 'themes', '--input', file, '--json');
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as {
      themes: { theme: number; label: string; size: number }[];
      assignments: { id: string; theme: number | null; label: string | null }[];
    };
    expect(out.themes.length).toBeGreaterThanOrEqual(4);
    expect(out.themes.length).toBeLessThanOrEqual(8);
    expect(out.assignments.map((a) => a.id)).toEqual(narratives.map((n) => n.id));
    expect(out.assignments.filter((a) => a.theme !== null).length).toBeGreaterThan(380);
    const text = defuse(dir, 'insights', 'themes', '--input', file);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^theme 1\t\d+\t\S/m);
    expect(text.stdout).toContain(`${narratives[0]?.id}\t`);
  });

  it('refuses a bad file with one line and exit 2', () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"id":"a","text":"fine"}\nnot json\n');
    const bad = defuse(dir, 'insights', 'themes', '--input', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('line 2 is not JSON');
    expect(defuse(dir, 'insights', 'themes', '--input', join(dir, 'missing.jsonl')).code).toBe(2);
    expect(defuse(dir, 'insights', 'themes', '--since', 'soon').code).toBe(2);
  });

  it("mines the workspace's cases and prints its themes with their figures", async () => {
    expect(defuse(dir, 'init', '--workspace', 'Corner Shop', '--email', 'owner@corner.test', '--password', 'a-long-password').code).toBe(0);
    const database = openSqlite(join(dir, 'defuse.db'));
    try {
      const user = await database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      const ctx = {
        db: database.db,
        actor: { userId: user.id, workspaceId: user.workspace_id, role: 'admin' as const, teamIds: [], employeeId: null },
        now: new Date(),
      };
      for (const n of generateNarratives(60, 8, { topics: 3 })) await createCase(ctx, buildCase({ summary: n.text }));
    } finally {
      await database.close();
    }
    const json = defuse(dir, 'insights', 'themes', '--json');
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { run: { state: string; documents: number }; items: { size: number; detail: unknown }[] };
    expect(out.run).toMatchObject({ state: 'done', documents: 60 });
    expect(out.items.length).toBeGreaterThanOrEqual(2);
    expect(out.items[0]?.detail).toBeDefined();
    const text = defuse(dir, 'insights', 'themes', '--team', 'Nowhere');
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('No team "Nowhere"');
    const since = defuse(dir, 'insights', 'themes', '--since', '2000-01-01');
    expect(since.code).toBe(0);
    expect(since.stdout).toMatch(/cases/);
  });
});
