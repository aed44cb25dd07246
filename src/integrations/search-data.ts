/**
 * Starts computing every blueprint's related blueprints and synonym tokens in a worker as
 * soon as the content gate has passed the content, so the work (seconds at thousands of
 * blueprints) runs on the second core while Astro syncs content, which uses one, and not on the
 * main thread before the first blueprint page renders. Starting it at `astro:build:start` instead,
 * beside Vite's bundler, made builds of 1,000 blueprints slower in five of six runs taken in turn.
 * The worker starts from the entries the content gate has just read and checked, so no file is
 * read or parsed twice. The pages pick the result up through src/lib/search/build-data.ts;
 * `astro dev` has no build and computes it in-process (src/data/search.ts).
 */
import type { AstroIntegration } from 'astro';
import { Worker } from 'node:worker_threads';
import type { BlueprintSearchData } from '../lib/search/build-data';
import { leaveSearchData } from './search-data-slot';
import type { SearchEntry } from '../lib/search/from-corpus';
import { takePassedContent } from './content-gate';
import { definedAcronyms } from './defined-acronyms-slot';

/** `content` is where the checked entries come from: the content gate, unless a test says otherwise. */
export function searchData({ content = takePassedContent }: { content?: () => SearchEntry[] | undefined } = {}): AstroIntegration {
  return {
    name: 'blueprint-commons:search-data',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const entries = content();
        if (!entries) throw new Error('Search data needs the content the content gate checked: list contentGate() before searchData() in astro.config.mjs.');
        const started = performance.now();
        const computing = new Promise<Map<string, BlueprintSearchData>>((resolve, reject) => {
          const worker = new Worker(new URL('./search-data-thread.mjs', import.meta.url), { execArgv: [], workerData: { entries, defined: definedAcronyms() } });
          worker.once('message', (results: [string, BlueprintSearchData][]) => {
            logger.info(`related blueprints and synonyms for ${results.length} blueprints in ${Math.round(performance.now() - started)} ms (worker)`);
            resolve(new Map(results));
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
