// Wiring only: what the site is built from lives in src/.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { NodePackageImporter } from 'sass-embedded';
import { importTypeScript } from './src/integrations/typescript-hooks.mjs';
import { jsEnabledScript } from './src/layouts/js-enabled.mjs';

// The integrations are TypeScript that Node loads itself (no Vite dev server just for the config).
const [{ contentGate }, { pagefindIndex }, { searchData }, { pageHistory }] = await importTypeScript([
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
  // Every page says which scripts may run: the site's own files, the one script written into each
  // page (by its hash), and Pagefind's WebAssembly. A javascript: address, an event handler or a
  // script put into a page some other way does not run.
  security: {
    csp: {
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [`sha256-${createHash('sha256').update(jsEnabledScript).digest('base64')}`],
      },
    },
  },
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
