/**
 * Starts computing every blueprint's related blueprints and "also known as" lines in a worker
 * when the build starts, so the work (seconds at thousands of blueprints) runs on the second core
 * while Vite bundles, instead of on the main thread before the first blueprint page renders.
 * The pages pick the result up through src/lib/search/build-data.ts; `astro dev` has no build
 * and computes it in-process (src/data/search.ts).
 */
import type { AstroIntegration } from 'astro';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { leaveSearchData, type BlueprintSearchData } from '../lib/search/build-data';

export function searchData(): AstroIntegration {
  let root = '';
  return {
    name: 'blueprint-commons:search-data',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': ({ logger }) => {
        const started = performance.now();
        const computing = new Promise<Map<string, BlueprintSearchData>>((resolve, reject) => {
          // The worker runs this project's TypeScript as the scripts do, through tsx.
          const worker = new Worker(new URL('./search-data-worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'], workerData: { root } });
          worker.once('message', (entries: [string, BlueprintSearchData][]) => {
            logger.info(`related blueprints and synonyms for ${entries.length} blueprints in ${Math.round(performance.now() - started)} ms (worker)`);
            resolve(new Map(entries));
          });
          worker.once('error', (error: Error) => reject(new Error(`Search data could not be computed: ${error.message}`, { cause: error })));
          worker.once('exit', (code) => reject(new Error(`Search data could not be computed: the worker stopped (exit code ${code})`)));
        });
        computing.catch(() => {}); // reported by the first page that waits for it
        leaveSearchData(computing);
      },
      'astro:build:done': () => leaveSearchData(undefined),
    },
  };
}
