/**
 * Builds the Pagefind search index once Astro has written every page (./pagefind-index.ts). Any
 * error Pagefind reports fails the build: a site whose search silently misses pages is worse than
 * no deploy.
 *
 * Under `npm run build` the index is written by the parent process instead (./pagefind-hosted.ts),
 * once Astro has exited, so Pagefind's largest moment never comes on top of Astro's memory.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeSearchIndex } from './pagefind-index';
import { handOverSite, indexHostedByParent } from './pagefind-hosted';

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'blueprint-commons:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        if (indexHostedByParent()) {
          await handOverSite(site);
          logger.info('every page written; npm run build writes the search index once Astro has exited');
          return;
        }
        const started = performance.now();
        const indexed = await writeSearchIndex(site);
        logger.info(`indexed ${indexed} page${indexed === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
