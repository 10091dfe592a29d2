import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The modules each first screen needs at once, by name; filled when the module graph is built. */
export type FirstScreens = Map<string, Set<string>>;

type Graph = {
  getModuleInfo: (id: string) => { code: string | null; importedIds: readonly string[] } | null;
  getModuleIds: () => IterableIterator<string>;
};

const IMPORT_LIST = /import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g;
/** `a`, `a as b` → the local name. */
const localName = (part: string) =>
  part
    .trim()
    .split(/\s+as\s+/)
    .pop() ?? '';
const importedName = (part: string) => part.trim().split(/\s+as\s+/)[0] ?? '';

/**
 * A package's index that only re-exports its files (Mantine's `esm/index.mjs`): the file behind each
 * exported name. Following the index whole would count every component as needed.
 */
function readBarrel(id: string, code: string): Map<string, string> | null {
  if (!/node_modules[\\/]@mantine[\\/][^\\/]+[\\/]esm[\\/]index\.mjs$/.test(id)) return null;
  const files = new Map<string, string>();
  for (const [, names = '', from = ''] of code.matchAll(IMPORT_LIST)) {
    if (!from.startsWith('.')) continue;
    for (const part of names.split(',')) if (part.trim()) files.set(localName(part), resolve(dirname(id), from));
  }
  return files;
}

/**
 * Walks the static imports from each screen's page (through a library's re-exporting index only to
 * the files of the names imported from it), so that the chunk groups can keep what those screens
 * need together, and out of them what only later pages use.
 */
function walk(graph: Graph, starts: string[]): Set<string> {
  const barrels = new Map<string, Map<string, string> | null>();
  const barrelOf = (id: string) => {
    if (!barrels.has(id)) barrels.set(id, readBarrel(id, graph.getModuleInfo(id)?.code ?? ''));
    return barrels.get(id) ?? null;
  };
  const seen = new Set<string>();
  const todo = [...starts];
  while (todo.length > 0) {
    const id = todo.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const info = graph.getModuleInfo(id);
    if (!info) continue;
    const viaBarrel = new Set<string>();
    for (const [, names = '', from = ''] of (info.code ?? '').matchAll(IMPORT_LIST)) {
      const target = info.importedIds.find((dep) => barrelOf(dep) && dep.includes(`${from.replace(/\//g, '/')}/`));
      const files = target ? barrelOf(target) : null;
      if (!target || !files) continue;
      viaBarrel.add(target);
      for (const part of names.split(',')) {
        const file = files.get(importedName(part));
        if (file) todo.push(file);
      }
    }
    for (const dep of info.importedIds) if (!viaBarrel.has(dep) && !barrelOf(dep)) todo.push(dep);
  }
  return seen;
}

/**
 * Finds, once the module graph is built, what each named first screen needs (its page files are
 * given relative to the app's root). The sets are filled in place for the chunk groups to read.
 */
export function firstScreens(root: string, pages: Record<string, string[]>, into: FirstScreens): Plugin {
  return {
    name: 'defuse-first-screens',
    apply: 'build',
    buildEnd() {
      for (const [name, files] of Object.entries(pages)) {
        into.set(
          name,
          walk(
            this,
            files.map((file) => resolve(root, file)),
          ),
        );
      }
    },
  };
}
