import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { type FirstScreens, firstScreens } from './scripts/web-build/first-screens.js';
import { routePreloads } from './scripts/web-build/route-preloads.js';

const root = fileURLToPath(new URL('./web', import.meta.url));
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;

/**
 * Writes `name.br` (brotli at its best quality) and `name.gz` beside every text file of the build,
 * so the server sends compressed bytes without compressing on each request (@fastify/static
 * `preCompressed`). Files under 1 KiB gain nothing and are left alone.
 */
function precompress(): Plugin {
  let outDir = '';
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return {
    name: 'defuse-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      for (const file of walk(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

const screens: FirstScreens = new Map();
/** Whether a first screen (see the plugin below) needs the module at once. */
const needs = (screen: string, id: string) => screens.get(screen)?.has(id) === true;
const inNodeModules = (id: string) => /node_modules[\\/]/.test(id);
const isFramework = (id: string) =>
  /node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/.test(id) || id.includes('rolldown:runtime');
// Charts (recharts and what it brings) belong to the dashboard alone.
const isChartLibrary = (id: string) =>
  /node_modules[\\/](recharts|@mantine[\\/]charts|victory-vendor|d3-[\w-]+|@reduxjs|react-redux|redux|redux-thunk|immer|reselect|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|internmap)[\\/]/.test(
    id,
  );

/** The web app: sources in web/, built into dist/web, which the server serves at `/`. */
export default defineConfig({
  root,
  plugins: [
    react(),
    precompress(),
    firstScreens(
      root,
      {
        entry: ['src/main.tsx'],
        signIn: ['src/main.tsx', 'src/pages/sign-in.tsx'],
        inbox: ['src/app/signed-in-layout.tsx', 'src/pages/inbox.tsx'],
      },
      screens,
    ),
    // By path: exact, then one segment under a prefix (`/cases/*`), then any other page (`*`).
    routePreloads(root, {
      '/sign-in': [],
      '/invite/*': [],
      '/cases': ['src/app/signed-in-layout.tsx', 'src/pages/inbox.tsx'],
      '/cases/*': ['src/app/signed-in-layout.tsx', 'src/pages/case-page.tsx'],
      '*': ['src/app/signed-in-layout.tsx'],
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // The server sends a strict CSP (script-src 'self'): keep every script an external file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // Pages load on demand (router.tsx). What the first screens need comes in a few long-cached
        // files instead of dozens of 1 KiB ones, each of which costs a request and its headers:
        // React and TanStack; the Mantine parts of the sign-in page, then those the inbox adds; our
        // code every page runs, then the inbox's. What only later pages use (charts above all) stays
        // out of them, in `ui` or its page's file.
        codeSplitting: {
          groups: [
            { name: 'framework', test: isFramework, priority: 6 },
            { name: 'ui-base', test: (id: string) => inNodeModules(id) && needs('signIn', id), priority: 4 },
            { name: 'ui-inbox', test: (id: string) => inNodeModules(id) && needs('inbox', id), priority: 3 },
            { name: 'app', test: (id: string) => !inNodeModules(id) && needs('entry', id) && !id.endsWith('main.tsx'), priority: 3 },
            { name: 'inbox', test: (id: string) => !inNodeModules(id) && needs('inbox', id) && !needs('signIn', id), priority: 2 },
            // The number field brings its own formatting library; only a few forms use it.
            {
              name: 'ui',
              test: (id: string) => inNodeModules(id) && !isChartLibrary(id) && !/NumberInput|react-number-format/.test(id),
              priority: 1,
            },
            // Last, so that the Mantine parts the charts use stay in the groups above, and only the
            // chart libraries themselves are left for this file.
            { name: 'charts', test: isChartLibrary, priority: 0 },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite` for development: the API runs on :3000 (npm start) and is proxied.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
