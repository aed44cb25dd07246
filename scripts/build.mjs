#!/usr/bin/env node
/**
 * npm run build: `astro build [options]`, started with one allocator setting the build's memory
 * depends on. Rolldown (Vite's bundler) and satteri (the MDX compiler) are native code that
 * allocates with mimalloc, which by default keeps memory it has freed. After bundling 3,000
 * blueprints that was about 1 GiB the Astro process still held while Pagefind indexed the site,
 * the build's peak. MIMALLOC_PURGE_DELAY=0 returns freed memory at once: Astro's resident memory
 * when Pagefind starts fell from 2.3 GiB to 1.6 GiB (measured with /proc/self/smaps). mimalloc
 * reads the setting when it starts, before any of our code runs, so it is set here, in the
 * environment of a new process. A value already in the environment wins.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { MIMALLOC_PURGE_DELAY: '0', ...process.env },
});
if (result.error) throw result.error;
if (result.signal) {
  // A child killed by a signal has no exit status and may have printed nothing: say what happened.
  const why = { SIGSEGV: 'it crashed in native code', SIGKILL: 'it was killed, often for lack of memory', SIGABRT: 'it aborted' }[result.signal];
  console.error(`astro build stopped on signal ${result.signal}${why ? ` (${why})` : ''}, so the build did not finish and dist/ is not complete. Run npm run validate to check the content, then build again.`);
}
process.exitCode = result.status ?? 1;
