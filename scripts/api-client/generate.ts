/**
 * `npm run api:client [-- --url http://localhost:3000] [--out FILE]`: generates TypeScript types for
 * the whole API from a running server's OpenAPI document with openapi-typescript, for use with
 * openapi-fetch (`createClient<paths>({ baseUrl })`). openapi-typescript lives in this folder's own
 * workspace because it needs the TypeScript 5 compiler API, which the project's TypeScript 7 lacks.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

/** The generator and the TypeScript 5 compiler of this workspace. */
export const OPENAPI_TYPESCRIPT = resolve(here, 'node_modules/.bin/openapi-typescript');
export const TSC5 = resolve(here, 'node_modules/.bin/tsc');

/** Where `npm run api:client` writes by default (dist/ is never committed). */
export const DEFAULT_OUT = resolve(here, '../../dist/api-client/defuse-api.d.ts');

/** Writes the types of the document at `source` (a URL or a file) to `outFile`. */
export async function generateApiTypes(source: string, outFile: string): Promise<void> {
  mkdirSync(dirname(outFile), { recursive: true });
  await run(OPENAPI_TYPESCRIPT, [source, '--output', outFile], { maxBuffer: 16 * 1024 * 1024 });
}

/** The document's address on a server: `--url` may name the server or the document itself. */
export function documentUrl(url: string): string {
  const u = new URL(url);
  if (!u.pathname.endsWith('.json')) u.pathname = `${u.pathname.replace(/\/+$/, '')}/api/openapi.json`;
  return u.toString();
}

function argument(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

async function main(args: string[]): Promise<void> {
  if (args.includes('--help')) {
    console.log('Usage: npm run api:client -- [--url http://localhost:3000] [--out FILE]');
    return;
  }
  const unknown = args.filter(
    (a, i) => a.startsWith('--') && !['--url', '--out'].includes(a) && !['--url', '--out'].includes(args[i - 1] ?? ''),
  );
  if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]}`);
  const source = documentUrl(argument(args, '--url') ?? 'http://localhost:3000');
  const out = resolve(argument(args, '--out') ?? DEFAULT_OUT);
  await generateApiTypes(source, out);
  console.log(`wrote ${out} from ${source}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`api:client: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exit(error instanceof Error && /needs a value|unknown option/.test(error.message) ? 2 : 1);
  });
