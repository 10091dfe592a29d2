import type { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { parseInbound } from '../email/parse-inbound.js';
import { receiveEmail } from '../services/receive-email.js';
import { openDatabase } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';

const OUTCOME: Record<string, string> = {
  ignored: 'ignored (automatic mail: never answered, no case)',
  duplicate: 'already filed (same Message-ID)',
  placed: 'placed on its case as a message from the customer',
  held: 'held for a person to place (the sender is not the case’s customer)',
  opened: 'opened a new case',
  unmatched: 'matched no case and no intake address: not filed',
};

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * `defuse mail receive [--workspace SLUG]`: files one raw email (RFC 5322) read from standard input
 * exactly as the SMTP listener would, for a mail server that delivers to a program (a pipe
 * transport) or to replay a saved message.
 */
export function registerMailCommand(program: Command): void {
  const mail = program.command('mail').description('inbound email');
  mail
    .command('receive')
    .description('file one email read from standard input: thread it onto its case, hold it, or open a case')
    .option('--workspace <slug>', 'the workspace new mail opens a case in when it names no intake address')
    .option('--json', 'print the outcome as JSON')
    .action(async (opts: { workspace?: string; json?: boolean }) => {
      const config = loadConfig();
      const database = openDatabase(config);
      try {
        await migrateToLatest(database);
        const parsed = await parseInbound(await readStdin());
        const outcome = await receiveEmail(database.db, parsed, new Date(), {
          publicUrl: config.publicUrl,
          replyDomain: config.replyDomain,
          defaultWorkspaceSlug: opts.workspace?.toLowerCase(),
          attachmentsDir: config.attachmentsDir,
        });
        if (opts.json) console.log(JSON.stringify(outcome));
        else
          console.log(`${'caseRef' in outcome && outcome.caseRef ? `${outcome.caseRef}: ` : ''}${OUTCOME[outcome.kind] ?? outcome.kind}`);
      } finally {
        await database.close();
      }
    });
}
