#!/usr/bin/env node
/**
 * npm run build: `astro build [options]` in a child process, for three things the build's memory
 * depends on.
 *
 * 1. One allocator setting. Rolldown (Vite's bundler) and satteri (the MDX compiler) are native
 *    code that allocates with mimalloc, which by default keeps memory it has freed. After bundling
 *    3,000 blueprints that was about 1 GiB the Astro process still held while Pagefind indexed the
 *    site, the build's peak. MIMALLOC_PURGE_DELAY=0 returns freed memory at once: Astro's resident
 *    memory when Pagefind starts fell from 2.3 GiB to 1.6 GiB (measured with /proc/self/smaps).
 *    mimalloc reads the setting when it starts, before any of our code runs, so it is set here, in
 *    the environment of a new process. A value already in the environment wins.
 * 2. A heap limit of 2,048 MiB for Astro's process. V8 sizes its heap from the machine's memory:
 *    4 GiB on a machine with 24 GiB, about 1.75 GiB on a hosted CI runner with 7 GB. Allowed 4 GiB,
 *    V8 lets garbage pile up: at 10,000 blueprints Astro's process peaked at 6.2 GiB while Vite
 *    bundled, against 5.1 GiB with this limit, for no more CPU time. The same limit everywhere
 *    makes a build here behave like one on CI. A --max-old-space-size in NODE_OPTIONS wins.
 * 3. The search index is written here, not in Astro's process: once Astro has written every page
 *    it names the built site over the IPC channel, and Pagefind indexes it once Astro has exited,
 *    so Pagefind's largest moment no longer comes on top of Astro's memory
 *    (src/integrations/pagefind-hosted.ts).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTypeScript } from '../src/integrations/typescript-hooks.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const [{ hostSearchIndex, hostVariable }] = await importTypeScript(['./integrations/pagefind-hosted.ts']);

const heap = /--max-old-space-size\b/.test(process.env.NODE_OPTIONS ?? '') ? [] : ['--max-old-space-size=2048'];
const child = spawn(process.execPath, [...heap, astro, 'build', ...process.argv.slice(2)], {
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  env: { MIMALLOC_PURGE_DELAY: '0', ...process.env, [hostVariable]: 'parent' },
});
const index = hostSearchIndex(child);
const [status, signal] = await Promise.race([once(child, 'exit'), once(child, 'error').then(([error]) => Promise.reject(error))]);

if (signal) {
  // A child killed by a signal has no exit status and may have printed nothing: say what happened.
  const why = {
    SIGSEGV: 'it crashed in native code',
    SIGKILL: 'it was killed, often for lack of memory',
    SIGABRT: 'it aborted; if it ran out of heap, set NODE_OPTIONS=--max-old-space-size=4096 and build again',
  }[signal];
  console.error(`astro build stopped on signal ${signal}${why ? ` (${why})` : ''}, so the build did not finish and dist/ is not complete. Run npm run validate to check the content, then build again.`);
  process.exitCode = 1;
} else if (status !== 0) {
  process.exitCode = status ?? 1;
} else {
  const started = performance.now();
  try {
    const pages = await index.write();
    const time = new Date().toLocaleTimeString('en-GB', { hour12: false });
    console.log(`${time} [blueprint-commons:pagefind] indexed ${pages} page${pages === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms after Astro exited`);
  } catch (error) {
    console.error(`The search index could not be written, so dist/ has no working search: ${error.message}`);
    process.exitCode = 1;
  }
}
