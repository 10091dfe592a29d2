import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely/migration';
import type { Database } from './db.js';
import * as initial from './migrations/0001-initial.js';
import * as accounts from './migrations/0002-accounts.js';
import * as resolutionLoop from './migrations/0003-resolution-loop.js';
import * as jobs from './migrations/0004-jobs.js';
import * as followUpDelays from './migrations/0005-follow-up-delays.js';
import * as workspaceTimeZone from './migrations/0006-workspace-time-zone.js';
import * as followUpSignals from './migrations/0007-follow-up-signals.js';
import * as eventOutbox from './migrations/0008-event-outbox.js';
import * as sharedLimits from './migrations/0009-shared-limits.js';
import * as forum from './migrations/0010-forum.js';
import * as themes from './migrations/0011-themes.js';
import * as training from './migrations/0012-training.js';
import * as helpRequests from './migrations/0013-help-requests.js';
import * as nextDeadline from './migrations/0014-next-deadline.js';
import * as digests from './migrations/0015-digests.js';
import * as trainingAssignments from './migrations/0016-training-assignments.js';
import * as reviews from './migrations/0017-reviews.js';
import * as customerMerges from './migrations/0018-customer-merges.js';
import * as tamperEvidence from './migrations/0019-tamper-evidence.js';
import * as tamperEvidenceBackfill from './migrations/0020-tamper-evidence-backfill.js';
import * as caseReplies from './migrations/0021-case-replies.js';
import * as scaleIndexes from './migrations/0022-scale-indexes.js';
import * as commitmentsByDate from './migrations/0023-commitments-by-date.js';
import * as flaggedCases from './migrations/0024-flagged-cases.js';
import * as dataRights from './migrations/0025-data-rights.js';
import * as intake from './migrations/0026-intake.js';
import * as webhooks from './migrations/0027-webhooks.js';
import * as attachments from './migrations/0028-attachments.js';
import * as caseTags from './migrations/0029-case-tags.js';
import * as teamArchiveAndPreferences from './migrations/0030-team-archive-and-preferences.js';
import * as imports from './migrations/0031-imports.js';
import * as caseMerges from './migrations/0032-case-merges.js';
import * as savedRepliesAndViews from './migrations/0033-saved-replies-and-views.js';
import * as workspaceDefaultsAndClocks from './migrations/0034-workspace-defaults-and-clocks.js';
import * as notificationPreferences from './migrations/0035-notification-preferences.js';
import * as erasedFiles from './migrations/0036-erased-files.js';
import * as inboundEmailFiles from './migrations/0037-inbound-email-files.js';
import * as customerNameIndex from './migrations/0038-customer-name-index.js';
import * as listFilterIndexes from './migrations/0039-list-filter-indexes.js';
import * as dashboardDays from './migrations/0040-dashboard-days.js';
import * as dashboardDaysBackfill from './migrations/0041-dashboard-days-backfill.js';
import * as customerCaseChain from './migrations/0042-customer-case-chain.js';
import * as dashboardCells from './migrations/0043-dashboard-cells.js';
import * as erasedMailFiles from './migrations/0044-erased-mail-files.js';
import * as replyScoresIndex from './migrations/0045-reply-scores-index.js';
import * as sweepKeysetIndexes from './migrations/0046-sweep-keyset-indexes.js';
import * as reviewRuleCandidates from './migrations/0049-review-rule-candidates.js';
import * as peopleDays from './migrations/0050-people-days.js';
import * as openPromisesIndex from './migrations/0051-open-promises-index.js';
import * as customerNameTrigrams from './migrations/0052-customer-name-trigrams.js';
import * as customerRecentIndex from './migrations/0053-customer-recent-index.js';
import * as retentionWalkIndex from './migrations/0054-retention-walk-index.js';
import * as personSetIndexes from './migrations/0055-person-set-indexes.js';
import * as attentionCheckIndexes from './migrations/0056-attention-check-indexes.js';

type Step = { up(db: Kysely<unknown>, kind: Database['kind']): Promise<void> };
const STEPS: Record<string, Step> = {
  '0001-initial': initial,
  '0002-accounts': accounts,
  '0003-resolution-loop': resolutionLoop,
  '0004-jobs': jobs,
  '0005-follow-up-delays': followUpDelays,
  '0006-workspace-time-zone': workspaceTimeZone,
  '0007-follow-up-signals': followUpSignals,
  '0008-event-outbox': eventOutbox,
  '0009-shared-limits': sharedLimits,
  '0010-forum': forum,
  '0011-themes': themes,
  '0012-training': training,
  '0013-help-requests': helpRequests,
  '0014-next-deadline': nextDeadline,
  '0015-digests': digests,
  '0016-training-assignments': trainingAssignments,
  '0017-reviews': reviews,
  '0018-customer-merges': customerMerges,
  '0019-tamper-evidence': tamperEvidence,
  '0020-tamper-evidence-backfill': tamperEvidenceBackfill,
  '0021-case-replies': caseReplies,
  '0022-scale-indexes': scaleIndexes,
  '0023-commitments-by-date': commitmentsByDate,
  '0024-flagged-cases': flaggedCases,
  '0025-data-rights': dataRights,
  '0026-intake': intake,
  '0027-webhooks': webhooks,
  '0028-attachments': attachments,
  '0029-case-tags': caseTags,
  '0030-team-archive-and-preferences': teamArchiveAndPreferences,
  '0031-imports': imports,
  '0032-case-merges': caseMerges,
  '0033-saved-replies-and-views': savedRepliesAndViews,
  '0034-workspace-defaults-and-clocks': workspaceDefaultsAndClocks,
  '0035-notification-preferences': notificationPreferences,
  '0036-erased-files': erasedFiles,
  '0037-inbound-email-files': inboundEmailFiles,
  '0038-customer-name-index': customerNameIndex,
  '0039-list-filter-indexes': listFilterIndexes,
  '0040-dashboard-days': dashboardDays,
  '0041-dashboard-days-backfill': dashboardDaysBackfill,
  '0042-customer-case-chain': customerCaseChain,
  '0043-dashboard-cells': dashboardCells,
  '0044-erased-mail-files': erasedMailFiles,
  '0045-reply-scores-index': replyScoresIndex,
  '0046-sweep-keyset-indexes': sweepKeysetIndexes,
  '0049-review-rule-candidates': reviewRuleCandidates,
  '0050-people-days': peopleDays,
  '0051-open-promises-index': openPromisesIndex,
  '0052-customer-name-trigrams': customerNameTrigrams,
  '0053-customer-recent-index': customerRecentIndex,
  '0054-retention-walk-index': retentionWalkIndex,
  '0055-person-set-indexes': personSetIndexes,
  '0056-attention-check-indexes': attentionCheckIndexes,
};

/** The migrations in the order they run; each name is what Kysely records once it has run. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(STEPS);

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(database: Database, pgSchema?: string): Promise<string[]> {
  return applied(await migratorFor(database, pgSchema).migrateToLatest());
}

/** Brings the schema up to the named migration and no further; returns the names of the migrations it applied. */
export async function migrateTo(database: Database, name: string, pgSchema?: string): Promise<string[]> {
  return applied(await migratorFor(database, pgSchema).migrateTo(name));
}

function migratorFor(database: Database, pgSchema: string | undefined): Migrator {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, step] of Object.entries(STEPS)) out[name] = { up: (db) => step.up(db, database.kind) };
      return out;
    },
  };
  return new Migrator({
    db: database.db,
    provider,
    // Numbers are handed out ahead of time, so a database may have run 0025 before 0023 existed.
    allowUnorderedMigrations: true,
    ...(pgSchema ? { migrationTableSchema: pgSchema } : {}),
  });
}

function applied({ error, results }: MigrationResultSet): string[] {
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
