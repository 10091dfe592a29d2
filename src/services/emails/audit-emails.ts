import type { SignedCheckpoint } from '../../domain/audit-log.js';
import { buildEmail, type EmailBody, longDate } from './layout.js';

/**
 * A new signed checkpoint, mailed to the workspace's admins so a copy lives outside the database:
 * kept, it lets `defuse audit verify --checkpoint FILE` prove the record only grew since.
 */
export function checkpointEmail(c: { workspace: string; signed: SignedCheckpoint }): EmailBody {
  const body = c.signed.checkpoint;
  return buildEmail(`Audit checkpoint #${body.seq} for ${c.workspace}`, [
    `Defuse signed checkpoint #${body.seq} of ${c.workspace}'s record on ${longDate(body.at)}: ${body.cases} cases, ${body.events} timeline events, ${body.customers} customers and ${body.accessLogEntries} access-log entries.`,
    'Keep this message, or save the text below as a file. Whoever can change the database cannot change this copy, so checking the database against it shows whether anything recorded before it was altered or removed: defuse audit verify --checkpoint FILE',
    JSON.stringify(c.signed),
  ]);
}
