import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/config.js';
import { mineThemes } from '../insights/mine-themes.js';
import { mineWorkspaceThemes } from '../services/theme-mining.js';
import { type ThemeView, themeViews } from '../services/themes.js';
import { openDatabase } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';
import { CliError } from './cli-error.js';
import { pickTeam, pickWorkspace } from './workspace-pick.js';

type ThemesOptions = { since?: string; team?: string; json?: boolean; input?: string; workspace?: string };

const date = (value: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('must be a date, e.g. 2026-09-01');
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString();
};

/** `defuse insights themes`: mine the workspace's cases (or a JSONL file's texts) and print the themes. */
export function registerThemesCommand(insights: Command): void {
  insights
    .command('themes')
    .description('mine the themes of the cases (or of texts in a JSONL file) and print them')
    .option('--since <date>', 'count only cases reported since this date', date)
    .option('--team <team>', 'count only the cases of this team (name or id)')
    .option('--workspace <slug>', 'the workspace, when the database holds several')
    .option('--input <file>', 'mine the texts of this file instead, one {"id","text"} object per line')
    .option('--json', 'print JSON')
    .action(async (opts: ThemesOptions) => {
      if (opts.input) return mineFile(opts);
      const database = openDatabase(loadConfig());
      try {
        await migrateToLatest(database);
        const db = database.db;
        const workspaceId = await pickWorkspace(db, opts.workspace);
        const teamId = opts.team ? await pickTeam(db, workspaceId, opts.team) : undefined;
        const started = Date.now();
        const run = await mineWorkspaceThemes(db, workspaceId, 'cli', () => new Date());
        const items = await themeViews(
          db,
          workspaceId,
          { since: opts.since, teamId },
          { detail: true, caseScope: undefined, canUpdate: false, examples: 3 },
          new Date(),
        );
        if (opts.json) {
          console.log(JSON.stringify({ run, items }));
          return;
        }
        process.stderr.write(
          `Mined ${run.documents} cases into ${run.themes} themes (${run.born} new) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
        );
        printThemes(items);
      } finally {
        await database.close();
      }
    });
}

function printThemes(items: readonly ThemeView[]): void {
  if (items.length === 0) {
    console.log('No themes yet: there are too few cases, or none alike.');
    return;
  }
  for (const t of items) {
    const d = t.detail;
    const marker = t.trend === 'emerging' ? ' ▲ emerging' : t.trend === 'declining' ? ' ▼ declining' : '';
    console.log(`\n${t.label} — ${t.size} cases${marker}`);
    if (d) {
      console.log(`  last 12 weeks: ${d.weekly.map((w) => w.count).join(' ')}  (last 14 days ${d.recent}, usual ${d.expected})`);
      console.log(`  teams: ${d.teams.map((x) => `${x.name} ${x.count}`).join(', ')}`);
      console.log(`  channels: ${d.channels.map((x) => `${x.channel} ${x.count}`).join(', ')}`);
      if (d.rootCauses.length) console.log(`  root causes: ${d.rootCauses.map((x) => `${x.category} ${x.count}`).join(', ')}`);
      if (d.cost.length) console.log(`  cost: ${d.cost.map((c) => `${c.amount.toFixed(2)} ${c.currency}`).join(', ')}`);
    }
    for (const e of t.examples) console.log(`  ${e.ref}  ${e.title}  [${e.phrases.join(', ')}]`);
  }
}

/** Mines the texts of a JSONL file: themes, then each id's theme. */
function mineFile(opts: ThemesOptions): void {
  let content: string;
  try {
    content = readFileSync(opts.input as string, 'utf8');
  } catch {
    throw new CliError(`cannot read ${opts.input}`, 2);
  }
  const docs: { id: string; kind: 'case'; text: string }[] = [];
  const seen = new Set<string>();
  content.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new CliError(`line ${i + 1} is not JSON`, 2);
    }
    const { id, text } = (row ?? {}) as { id?: unknown; text?: unknown };
    if ((typeof id !== 'string' && typeof id !== 'number') || typeof text !== 'string')
      throw new CliError(`line ${i + 1} needs an "id" and a "text"`, 2);
    if (seen.has(String(id))) throw new CliError(`line ${i + 1} repeats the id ${id}`, 2);
    seen.add(String(id));
    docs.push({ id: String(id), kind: 'case', text });
  });
  const result = mineThemes(docs);
  const themes = result.themes.map((t, i) => ({ theme: i + 1, label: t.label, size: t.memberIds.length, phrases: t.phrases }));
  const assignments = docs.map((d) => {
    const a = result.assignments.get(d.id);
    return { id: d.id, theme: a ? a.theme + 1 : null, label: a ? (themes[a.theme]?.label ?? null) : null, phrases: a?.phrases ?? [] };
  });
  if (opts.json) {
    console.log(JSON.stringify({ themes, assignments, stats: result.stats }));
    return;
  }
  process.stderr.write(`Mined ${docs.length} texts into ${themes.length} themes in ${(result.stats.ms / 1000).toFixed(1)} s\n`);
  for (const t of themes) console.log(`theme ${t.theme}\t${t.size}\t${t.label}`);
  console.log('');
  for (const a of assignments) console.log(`${a.id}\t${a.theme ?? '-'}\t${a.label ?? '(no theme)'}`);
}
