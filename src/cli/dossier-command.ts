import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { checkDossier } from '../services/review-dossier.js';
import type { Database } from '../store/db.js';
import { CliError } from './cli-error.js';

/**
 * `defuse audit dossier FILE`: whether a PDF is a review dossier Defuse produced, unchanged. Its
 * SHA-256 must be one recorded on some review's audit trail at export.
 */
export function registerDossierCommand(audit: Command, withDatabase: <T>(fn: (database: Database) => Promise<T>) => Promise<T>): void {
  audit
    .command('dossier')
    .description('say whether a review dossier PDF is one Defuse produced, unchanged; exit 1 when it is not')
    .argument('<file>', 'the dossier PDF')
    .action(async (file: string) => {
      const bytes = await readFile(file).catch(() => {
        throw new CliError(`Cannot read ${file}`, 2);
      });
      await withDatabase(async ({ db }) => {
        const check = await checkDossier(db, bytes);
        if (!check.genuine)
          throw new CliError(`NOT RECOGNISED: ${file} (SHA-256 ${check.sha256}) is no dossier Defuse exported, or it was changed since`, 1);
        console.log(
          `OK: ${file} is the dossier of review ${check.reviewId} exported ${check.exportedAt}, unchanged (SHA-256 ${check.sha256})`,
        );
      });
    });
}
