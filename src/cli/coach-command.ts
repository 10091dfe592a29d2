import { createInterface } from 'node:readline';
import { type Command, InvalidArgumentError } from 'commander';
import type { Coach } from '../coach/index.js';
import type { CoachResult } from '../coach/types.js';
import { COACH_TEXT_MAX, ZCoachRequest } from '../contracts/coach.js';
import { MOVE_KINDS, type MoveKind, type Span } from '../domain/coach.js';
import { isTimeZone } from '../domain/time-zone.js';
import { CliError } from './cli-error.js';

type CoachOptions = {
  customer?: string;
  reply?: string;
  json?: boolean;
  jsonl?: boolean;
  glossary?: string[];
  expect?: MoveKind[];
  timeZone?: string;
};

const HELP_AFTER = `
Input:
  --customer and/or --reply give the texts directly.
  With neither, the text comes from stdin and is the draft reply; if stdin has a line that is
  exactly "---", the text before it is the customer message and the text after it the reply.
  --jsonl reads one JSON object per stdin line, {"id", "customer", "reply", "glossary"?,
  "expectedMoves"?}, and writes one result per line with the same "id" (the API's shape); a line
  that cannot be analysed gives {"id", "error"} and the command exits 1 after the last line.

Examples:
  defuse coach --customer "Third time I've asked for my refund!" --reply "I'm sorry. I'll call you at 3pm."
  printf 'Where is my refund?\\n---\\nSorry, calm down.\\n' | defuse coach --json`;

/** The model takes a few hundred ms to load, so it is imported only when the coach command runs (other commands start fast). */
async function loadCoach(): Promise<Coach> {
  const { createCoach } = await import('../coach/index.js');
  return createCoach();
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError('give --customer and/or --reply, or pipe the text on stdin (see --help)', 2);
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

function checkLength(name: string, value: string | undefined): void {
  if (value !== undefined && value.length > COACH_TEXT_MAX) throw new CliError(`${name} must be at most ${COACH_TEXT_MAX} characters`, 2);
}

const quoted = (text: string, [start, end]: Span) => JSON.stringify(text.slice(start, end));

/** A readable summary: every finding with the words that caused it. */
function summarise(result: CoachResult, customer: string | undefined, reply: string | undefined): string {
  const lines: string[] = [];
  if (result.customer && customer !== undefined) {
    const c = result.customer;
    lines.push(`Customer: ${c.emotion} (intensity ${c.intensity.toFixed(2)})`);
    for (const f of c.escalation) lines.push(`  escalation  ${f.kind.padEnd(15)} ${quoted(customer, f.span)}`);
    for (const f of c.wants) lines.push(`  wants       ${f.kind.padEnd(15)} ${quoted(customer, f.span)}`);
    if (c.escalation.length === 0 && c.wants.length === 0) lines.push('  no escalation signs or explicit requests');
  }
  if (result.reply && reply !== undefined) {
    const r = result.reply;
    lines.push(`Reply: score ${r.score.total}/100`);
    for (const m of r.moves) {
      const extra = m.kind === 'question' ? ` (${m.open ? 'open' : 'yes/no'})` : m.due ? ` (due ${m.due})` : '';
      lines.push(`  move     ${m.kind.padEnd(12)} ${quoted(reply, m.span)}${extra}`);
    }
    for (const p of r.problems) lines.push(`  problem  ${p.kind.padEnd(12)} ${quoted(reply, p.span)}`);
    if (r.missing.length) lines.push(`  missing  ${r.missing.join(', ')}`);
    for (const [part, item] of Object.entries(r.score.parts))
      lines.push(`  ${part.padEnd(14)} ${String(item.value).padStart(3)}  ${item.reason}`);
    if (r.suggestions.length) lines.push('  Suggestions:', ...r.suggestions.map((s) => `    - ${s}`));
  }
  return lines.join('\n');
}

/** One JSONL line → one output line; never throws, so one bad line cannot stop the batch. */
function analyseLine(coach: Coach, line: string, now: Date, timeZone: string | undefined): { out: object; failed: boolean } {
  let id: unknown = null;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return { out: { id, error: 'each line must be a JSON object' }, failed: true };
    const { id: given, ...rest } = parsed as Record<string, unknown>;
    id = given ?? null;
    const request = ZCoachRequest.safeParse(rest);
    if (!request.success) {
      const issue = request.error.issues[0];
      return { out: { id, error: `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}` }, failed: true };
    }
    return { out: { id, ...coach.analyze({ ...request.data, now, ...(timeZone ? { timeZone } : {}) }) }, failed: false };
  } catch (error) {
    return { out: { id, error: error instanceof SyntaxError ? 'not valid JSON' : String(error) }, failed: true };
  }
}

async function runJsonl(coach: Coach, timeZone: string | undefined): Promise<void> {
  if (process.stdin.isTTY) throw new CliError('--jsonl reads JSON lines from stdin; pipe a file into it', 2);
  let total = 0;
  let failures = 0;
  const now = new Date();
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line.trim()) continue;
    total++;
    const { out, failed } = analyseLine(coach, line, now, timeZone);
    if (failed) failures++;
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  if (failures > 0) throw new CliError(`${failures} of ${total} lines could not be analysed`, 1);
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const timeZoneArg = (value: string): string => {
  if (!isTimeZone(value)) throw new InvalidArgumentError(`"${value}" is not an IANA time zone (for example Europe/London)`);
  return value;
};
const moveList = (value: string): MoveKind[] => {
  const kinds = value.split(',').map((k) => k.trim());
  const bad = kinds.find((k) => !(MOVE_KINDS as readonly string[]).includes(k));
  if (bad !== undefined) throw new InvalidArgumentError(`"${bad}" is not a move (one of ${MOVE_KINDS.join(', ')})`);
  return kinds as MoveKind[];
};

/** Registers `defuse coach`: analyse a customer message and/or a draft reply, printed as the API answers. */
export function registerCoachCommand(program: Command): void {
  program
    .command('coach')
    .description('analyse a customer message and/or a draft reply: emotion, threats, wants, moves, problems, score')
    .option('--customer <text>', "the customer's message")
    .option('--reply <text>', 'the draft reply')
    .option('--json', 'print the result as one JSON object (the API shape)')
    .option('--jsonl', 'batch: JSON lines on stdin, one result per line on stdout')
    .option('--glossary <term>', 'workspace jargon to flag in the reply (repeatable)', collect)
    .option('--expect <moves>', `moves the playbook step expects, comma-separated (${MOVE_KINDS.join(', ')})`, moveList)
    .option(
      '--time-zone <zone>',
      'read due times ("tomorrow at 3pm") on this IANA clock, e.g. Europe/London (default: this machine\'s)',
      timeZoneArg,
    )
    .addHelpText('after', HELP_AFTER)
    .action(async (opts: CoachOptions) => {
      if (opts.jsonl) {
        if (opts.customer !== undefined || opts.reply !== undefined || opts.json)
          throw new CliError('--jsonl takes its texts from stdin; it cannot be combined with --customer, --reply or --json', 2);
        await runJsonl(await loadCoach(), opts.timeZone);
        return;
      }
      let { customer, reply } = opts;
      if (customer === undefined && reply === undefined) {
        const stdin = await readStdin();
        const parts = stdin.split(/^---[ \t]*\r?$/m);
        if (parts.length > 1) [customer, reply] = [parts[0]?.trim(), parts.slice(1).join('---').trim()];
        else reply = stdin.trim();
      }
      checkLength('--customer', customer);
      checkLength('--reply', reply);
      if (!customer?.trim() && !reply?.trim())
        throw new CliError('nothing to analyse: the customer message and the reply are both empty', 2);
      const coach = await loadCoach();
      const result = coach.analyze({
        customer,
        reply,
        glossary: opts.glossary,
        expectedMoves: opts.expect,
        ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
      });
      console.log(opts.json ? JSON.stringify(result) : summarise(result, customer, reply));
    });
}
