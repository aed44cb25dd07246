// Wiring only: what the site is built from lives in src/.
import { readFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { NodePackageImporter } from 'sass-embedded';

/**
 * Imports the integrations, which are TypeScript under src/, with Node itself. src/ imports name
 * modules without their ".ts", so a plain import of this file failed and Astro loaded it a second
 * way, through a Vite dev server of its own that transformed and ran every module of the
 * integrations (astro/dist/core/config/vite-load.js): about 0.7 s more CPU before the first hook,
 * at any content size. While they load, a resolve hook adds the ".ts" and a load hook transforms
 * each file with the compiler Vite uses (oxc, from rolldown, Vite's bundler), with a source map
 * for `--enable-source-maps`. The hooks are removed again at once: every module Node loads while
 * any hook is registered pays for it, and the build loads thousands.
 */
async function importIntegrations(src, paths) {
  const { transformSync } = createRequire(import.meta.resolve('vite'))('rolldown/utils');
  const ours = (url) => url?.startsWith(src.href) && !url.includes('/node_modules/');
  const hooks = registerHooks({
    resolve(specifier, context, next) {
      if (!ours(context.parentURL) || !/^\.\.?\//.test(specifier) || /\.[a-z]+$/.test(specifier)) return next(specifier, context);
      for (const suffix of ['.ts', '/index.ts']) {
        try {
          return next(`${specifier}${suffix}`, context);
        } catch {
          // not this one; the specifier as written gives Node's own error below
        }
      }
      return next(specifier, context);
    },
    load(url, context, next) {
      if (!ours(url) || !url.endsWith('.ts')) return next(url, context);
      const path = fileURLToPath(url);
      const { code, map, errors } = transformSync(path, readFileSync(path, 'utf8'), { sourcemap: true });
      if (errors.length > 0) throw errors[0];
      const inlineMap = `//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}`;
      return { format: 'module', source: `${code}\n${inlineMap}\n`, shortCircuit: true };
    },
  });
  try {
    return await Promise.all(paths.map((path) => import(new URL(path, src).href)));
  } finally {
    hooks.deregister();
  }
}

const [{ contentGate }, { pagefindIndex }, { searchData }, { pageHistory }] = await importIntegrations(new URL('./src/', import.meta.url), [
  './integrations/content-gate.ts',
  './integrations/pagefind.ts',
  './integrations/search-data.ts',
  './integrations/page-history.ts',
]);

// SITE_URL and BASE_PATH let the same code deploy to a custom domain or to GitHub Pages under /<repo>/.
const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';
const base = process.env.BASE_PATH ?? '/';
// OUT_DIR and CACHE_DIR let tests and the benchmark build side by side without sharing files.
const outDir = process.env.OUT_DIR ?? './dist';
const cacheDir = process.env.CACHE_DIR ?? './node_modules/.astro';

export default defineConfig({
  site,
  base,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  // Four pages render at once: while one waits on the disk or an import, another runs. Measured on
  // 1,000 blueprints (2 cores): page rendering 9.2–10.1 s at 1, 7.3–7.8 s at 2 or 4, 8.9–9.0 s at 8 or 16.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  integrations: [contentGate(), searchData(), pageHistory(), mdx(), sitemap(), pagefindIndex()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  devToolbar: { enabled: false },
  // Lets src/styles/site.scss @use "pkg:nhsuk-frontend/…" and import only the components we use.
  vite: {
    css: { preprocessorOptions: { scss: { importers: [new NodePackageImporter()] } } },
    // acorn-jsx require()s acorn while micromark imports it, which bundled acorn twice into the
    // drafting form's safety check; one copy, the ES module, serves both.
    resolve: { alias: [{ find: /^acorn$/, replacement: fileURLToPath(import.meta.resolve('acorn')) }] },
    build: {
      rollupOptions: {
        // Astro marks every MDX module with a directive that Rolldown warns about, once per file:
        // harmless, and thousands of lines at catalogue scale. https://github.com/withastro/astro/issues/18087
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
