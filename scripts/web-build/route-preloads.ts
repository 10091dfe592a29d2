import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** What the build writes beside index.html: per page, the script files the page's code lives in. */
export const ROUTE_PRELOADS_FILE = 'route-preloads.json';

type Chunk = { type: 'chunk'; fileName: string; isEntry: boolean; imports: string[]; moduleIds: string[] };
type Output = Record<string, Chunk | { type: 'asset' }>;

/**
 * Pages load their code on demand, so a cold load of a page would fetch its files only once the
 * entry has run. The server names those files in the page's response instead (a `Link:
 * modulepreload` header), so the browser fetches them beside the entry. For each named page (its
 * modules relative to the app's root) this writes the files holding them and what they import,
 * leaving out what the entry already brings. Keys are paths: exact, `/prefix/*` for one segment
 * under a prefix, `*` for any other page; an empty list marks a page for signed-out people.
 */
export function routePreloads(root: string, pages: Record<string, string[]>): Plugin {
  return {
    name: 'defuse-route-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle as unknown as Output).filter((c): c is Chunk => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (starts: Chunk[]) => {
        const seen = new Set<string>();
        const todo = [...starts];
        while (todo.length > 0) {
          const chunk = todo.pop() as Chunk;
          if (seen.has(chunk.fileName)) continue;
          seen.add(chunk.fileName);
          for (const file of chunk.imports) {
            const next = byFile.get(file);
            if (next) todo.push(next);
          }
        }
        return seen;
      };
      const fromEntry = closure(chunks.filter((c) => c.isEntry));
      const preloads: Record<string, string[]> = {};
      for (const [page, modules] of Object.entries(pages)) {
        if (modules.length === 0) {
          preloads[page] = [];
          continue;
        }
        const ids = new Set(modules.map((m) => resolve(root, m)));
        const holding = chunks.filter((c) => c.moduleIds.some((id) => ids.has(id)));
        if (holding.length === 0) this.error(`route preloads: no chunk holds ${modules.join(', ')}`);
        preloads[page] = [...closure(holding)].filter((f) => !fromEntry.has(f)).map((f) => `/${f}`);
      }
      this.emitFile({ type: 'asset', fileName: ROUTE_PRELOADS_FILE, source: `${JSON.stringify(preloads, null, 2)}\n` });
    },
  };
}
