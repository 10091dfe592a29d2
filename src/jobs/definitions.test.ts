import { afterAll, beforeAll, expect, it } from 'vitest';
import { newAttachmentsDir } from '../../test/attachments-dir.js';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildResolvedCase } from '../../test/follow-through.js';
import { captureLog } from '../../test/job-effects.js';
import { buildCast } from '../../test/people.js';
import { TEST_SIGNING_KEY } from '../../test/signing-key.js';
import { startSmtpListener } from '../../test/smtp.js';
import { surveyTokenIn } from '../domain/follow-through.js';
import { createMailer } from '../email/mailer.js';
import { addCommitment, listCommitments } from '../services/commitments.js';
import { createCase } from '../services/create-case.js';
import { getCase } from '../services/read-cases.js';
import { answerSurvey } from '../services/survey.js';
import { jobDefinitions } from './definitions.js';
import { createEmbeddedRunner } from './embedded-runner.js';

const HOUR = 3_600_000;

/**
 * The server's own job list on the embedded engine, driven by a clock we move: the time-driven parts
 * of the resolution loop happen without anyone pressing a button, and each only once.
 */
describeEachDatabase('scheduled work', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database.dispose());

  it('escalates an overdue promise, sends the survey mail to a real SMTP listener and marks breached clocks', async () => {
    const smtp = await startSmtpListener();
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Defuse <no-reply@defuse.test>', log: captureLog(), ignoreTLS: true });
    try {
      const t0 = new Date(Date.now() - 10 * 24 * HOUR);
      let clock = t0;
      const ws = await buildWorkspace(database.db);
      const cast = await buildCast(ws.ctx(t0));
      const employeeId = cast.employeeA.actor.employeeId as string;
      const jobs = createEmbeddedRunner({
        db: database.db,
        definitions: jobDefinitions({
          mailer,
          publicUrl: 'https://defuse.example',
          signingKey: TEST_SIGNING_KEY,
          attachmentsDir: newAttachmentsDir(),
        }),
        log: captureLog(),
        now: () => clock,
      });

      const open = await createCase(ws.ctx(t0), { ...buildCase(), severity: 1, teamId: cast.teamA.id });
      const employee = { db: database.db, actor: cast.employeeA.actor, now: t0 };
      const kase = await buildResolvedCase(ws.ctx(t0), { teamId: cast.teamA.id, employeeId, customerEmail: 'robin@example.test' });
      await addCommitment(employee, kase.ref, { text: 'Post the refund slip', dueAt: new Date(t0.getTime() + 2 * HOUR).toISOString() });

      await jobs.runDue();
      expect((await listCommitments(ws.ctx(t0), kase.ref))[0]?.escalatedAt ?? null).toBeNull();

      clock = new Date(t0.getTime() + 4 * 24 * HOUR);
      await jobs.runDue(); // the time-driven passes: escalation, follow-ups, breaches
      clock = new Date(clock.getTime() + 5_000);
      await jobs.runDue(); // the outbox pass delivers what they queued
      clock = new Date(clock.getTime() + 5 * 60_000);
      await jobs.runDue(); // and a later pass does nothing twice

      const [promise] = await listCommitments(ws.ctx(clock), kase.ref);
      expect(promise?.escalatedAt).not.toBeNull();
      expect((await getCase(ws.ctx(clock), kase.ref)).status).toBe('following_up');
      const breached = await getCase(ws.ctx(clock), open.ref);
      expect(breached.sla.acknowledge.state).toBe('breached');

      const surveys = (await smtp.waitFor(1)).filter((m) => m.to && JSON.stringify(m.to).includes('robin@example.test'));
      expect(surveys).toHaveLength(1);
      const token = surveyTokenIn(surveys[0]?.text ?? '');
      expect(surveys[0]?.text).toContain('https://defuse.example/public/survey/');
      expect(await answerSurvey(database.db, token as string, { satisfaction: 5, wouldReturn: true, comment: null }, clock)).toBe(
        'recorded',
      );
    } finally {
      mailer.close();
      await smtp.close();
    }
  });
});
