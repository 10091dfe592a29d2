import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/config.js';
import { isIsoWeek, isoWeekOf } from '../domain/iso-week.js';
import type { DigestDoc } from '../insights/digest-document.js';
import { digestHtmlBody, digestMarkdown, htmlDocument, summaryHtmlBody, summaryMarkdown } from '../insights/render-digest.js';
import { prepareAgenda } from '../services/agendas.js';
import type { ServiceContext } from '../services/context.js';
import type { DigestView } from '../services/digests.js';
import { managementSummary } from '../services/management-summary.js';
import { createNewsletter, getNewsletter, listNewsletters } from '../services/newsletters.js';
import { openDatabase } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';
import { listTeams } from '../store/workspaces.js';
import { CliError } from './cli-error.js';
import { pickTeam, pickWorkspace, workspaceAdmin } from './workspace-pick.js';

type Common = { out?: string; workspace?: string };

const week = (value: string): string => {
  if (!isIsoWeek(value)) throw new InvalidArgumentError('must be an ISO week, e.g. 2026-W49');
  return value;
};
const day = (value: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('must be a date, e.g. 2026-11-01');
  return value;
};
const outFile = (value: string): string => {
  if (!['.md', '.markdown', '.html', '.htm'].includes(extname(value).toLowerCase()))
    throw new InvalidArgumentError('must end in .md or .html (the extension picks Markdown or HTML)');
  return value;
};

/** A draft says so at its top: it has not been approved, so it is not for sharing yet. */
function asDocument(view: DigestView, reviewPath: string): DigestDoc {
  const draft = view.status === 'draft' ? [`DRAFT, not approved: review and approve it at ${reviewPath} before sharing it.`] : [];
  return { kind: view.kind, title: view.title, rules: [...draft, ...view.rules], stories: view.stories, leftOut: view.leftOut };
}

function write(opts: Common, title: string, parts: { markdown: string; html: string }[]): void {
  const isHtml = opts.out ? /\.html?$/i.test(opts.out) : false;
  const text = isHtml
    ? htmlDocument(
        title,
        parts.map((p) => p.html),
      )
    : parts.map((p) => p.markdown).join('\n---\n\n');
  if (!opts.out) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(opts.out, text);
  } catch (e) {
    throw new CliError(`cannot write ${opts.out}: ${(e as NodeJS.ErrnoException).code ?? 'unwritable'}`, 1);
  }
  process.stderr.write(`Wrote ${opts.out}\n`);
}

async function withWorkspace(opts: Common, fn: (ctx: ServiceContext) => Promise<void>): Promise<void> {
  const database = openDatabase(loadConfig());
  try {
    await migrateToLatest(database);
    const workspaceId = await pickWorkspace(database.db, opts.workspace);
    await fn({ db: database.db, actor: await workspaceAdmin(database.db, workspaceId), now: new Date() });
  } finally {
    await database.close();
  }
}

/** `defuse digest team-meeting|newsletter`: the learning digests, as Markdown or HTML. */
export function registerDigestCommands(program: Command): void {
  const digest = program.command('digest').description('learning digests: team-meeting agendas and the newsletter');

  digest
    .command('team-meeting')
    .description("write a week's team-meeting agenda for one team, or for every team with the management summary")
    .option('--team <team>', 'only this team (name or id)')
    .option('--week <week>', 'the ISO week, e.g. 2026-W49 (default: this week)', week)
    .option('--out <file>', 'write to FILE: .md for Markdown, .html for HTML (default: Markdown on stdout)', outFile)
    .option('--workspace <slug>', 'the workspace, when the database holds several')
    .action(async (opts: Common & { team?: string; week?: string }) => {
      await withWorkspace(opts, async (ctx) => {
        const w = opts.week ?? isoWeekOf(ctx.now);
        const ws = ctx.actor.workspaceId;
        const teamIds = opts.team ? [await pickTeam(ctx.db, ws, opts.team)] : (await listTeams(ctx.db, ws)).map((t) => t.id);
        if (teamIds.length === 0) throw new CliError('The workspace has no teams yet', 1);
        const parts: { markdown: string; html: string }[] = [];
        for (const teamId of teamIds) {
          // Prepared through the service, as the weekly job and the web page do: an existing agenda is kept.
          const agenda = await prepareAgenda(ctx, { teamId, week: w });
          const doc = asDocument(agenda, `/agenda?week=${w}`);
          parts.push({ markdown: digestMarkdown(doc), html: digestHtmlBody(doc) });
          process.stderr.write(`${agenda.team?.name}: ${agenda.status}${agenda.stories.length ? '' : ' (no case to discuss)'}\n`);
        }
        if (!opts.team) {
          const summary = await managementSummary(ctx, { week: w });
          parts.push({ markdown: summaryMarkdown(summary), html: summaryHtmlBody(summary) });
        }
        write(opts, `Team meetings, week ${w}`, parts);
      });
    });

  digest
    .command('newsletter')
    .description('write the newsletter of the cases finished since a date (the approved one when there is one)')
    .option('--since <date>', 'first day it covers, e.g. 2026-11-01 (default: 30 days ago)', day)
    .option('--out <file>', 'write to FILE: .md for Markdown, .html for HTML (default: Markdown on stdout)', outFile)
    .option('--workspace <slug>', 'the workspace, when the database holds several')
    .action(async (opts: Common & { since?: string }) => {
      await withWorkspace(opts, async (ctx) => {
        const since = opts.since ?? new Date(ctx.now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
        const existing = (await listNewsletters(ctx)).items.filter((n) => n.period === since);
        const chosen = existing.find((n) => n.status === 'approved') ?? existing[0];
        const view = chosen ? await getNewsletter(ctx, chosen.id) : await createNewsletter(ctx, { since });
        process.stderr.write(
          view.status === 'approved'
            ? `Approved newsletter of ${view.approvedAt?.slice(0, 10)}\n`
            : `Draft newsletter: a reviewer must approve it on the Newsletter page before it is shared or mailed\n`,
        );
        const doc = asDocument(view, `/newsletter?id=${view.id}`);
        write(opts, view.title, [{ markdown: digestMarkdown(doc), html: digestHtmlBody(doc) }]);
      });
    });
}
