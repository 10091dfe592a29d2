import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import type { Redacted } from '../insights/redact.js';
import { CliError } from './cli-error.js';
import { registerThemesCommand } from './themes-command.js';

const ZPerson = z.union([z.string().min(1), z.object({ name: z.string().min(1), role: z.string().optional() }).strict()]);
const ZLine = z.object({ id: z.union([z.string(), z.number()]), text: z.string(), names: z.array(ZPerson).optional() }).strict();

const HELP_AFTER = `
Input: one JSON object per line, {"id", "text", "names": [...]}, where names are the parties known for
that text, as strings or {"name", "role"} with role customer, employee or witness (labels read "the
customer", "an employee (A)"…). Standard input by default.

Output: each text redacted, then what was removed (kind, the text, its replacement); --json writes one
{"id", "text", "removed": [{kind, text, start, end, replacement}]} per line instead.

Example:
  echo '{"id":"1","text":"Tom told Ingrid to call 07700 900123.","names":[{"name":"Tom Okafor","role":"employee"}]}' | defuse insights redact`;

async function readInput(file: string | undefined): Promise<string> {
  if (file) {
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`, 2);
    }
  }
  if (process.stdin.isTTY) throw new CliError('give --input FILE.jsonl or pipe JSON lines on stdin (see --help)', 2);
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

/** Reads every line first: one bad line stops the run before anything is printed. */
function parseLines(input: string): z.infer<typeof ZLine>[] {
  const lines: z.infer<typeof ZLine>[] = [];
  for (const [i, raw] of input.split('\n').entries()) {
    if (!raw.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new CliError(`line ${i + 1}: not JSON`, 2);
    }
    const parsed = ZLine.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(`line ${i + 1}: ${issue?.path.join('.') || 'line'} ${issue?.message ?? 'is not {"id","text","names"}'}`, 2);
    }
    lines.push(parsed.data);
  }
  return lines;
}

function describe(id: string | number, result: Redacted): string {
  const removed = result.removed.map((r) => `  - ${r.kind.padEnd(8)} ${JSON.stringify(r.text)} → ${r.replacement}`);
  return [`${id}: ${result.text}`, ...(removed.length ? removed : ['  (nothing removed)'])].join('\n');
}

/** `defuse insights …`: the learning loop's text tools on any text given in a file. */
export function registerInsightsCommands(program: Command): void {
  const insights = program.command('insights').description('the learning loop: recurring themes, and redaction of any text');
  registerThemesCommand(insights);
  insights
    .command('redact')
    .description('remove names, contact details, numbers, addresses, case references and exact dates from JSON lines')
    .option('--input <file>', 'a .jsonl file (default: standard input)')
    .option('--json', 'one JSON result per line')
    .addHelpText('after', HELP_AFTER)
    .action(async (opts: { input?: string; json?: boolean }) => {
      const lines = parseLines(await readInput(opts.input));
      const { createRedaction } = await import('../insights/redact.js');
      for (const line of lines) {
        const parties = (line.names ?? []).map((n) => (typeof n === 'string' ? { name: n } : n));
        const result = createRedaction({ parties }).redact(line.text);
        console.log(opts.json ? JSON.stringify({ id: line.id, ...result }) : describe(line.id, result));
      }
    });
}
