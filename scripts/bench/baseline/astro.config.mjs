// The floor: the least an Astro site can do with the same MDX files. Copied into a temporary
// folder by scripts/bench/baseline-project.ts; not part of Blueprint Commons.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { pagefindIndex } from './src/integrations/pagefind.mjs';

export default defineConfig({
  site: 'http://127.0.0.1:4321',
  outDir: process.env.OUT_DIR,
  cacheDir: process.env.CACHE_DIR,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), pagefindIndex()],
  devToolbar: { enabled: false },
});
