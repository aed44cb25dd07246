/**
 * Starts reading the content folder's Git history (src/node/content-history.ts) when a build
 * starts, so git runs in its own process while Astro syncs content and bundles, rather than
 * holding up the first blueprint page. The pages pick it up through src/data/history.ts;
 * `astro dev` has no build and reads it there on first use.
 */
import type { AstroIntegration } from 'astro';
import { contentDir } from '../node/content-files';
import { readContentHistory } from '../node/content-history';
import { leaveContentHistory } from './page-history-slot';

export function pageHistory(): AstroIntegration {
  return {
    name: 'blueprint-commons:page-history',
    hooks: {
      'astro:config:setup': ({ command }) => {
        // The pages resolve entries' paths from the working directory, as the rest of the build does.
        if (command === 'build') leaveContentHistory(readContentHistory(contentDir(process.cwd())));
      },
      'astro:build:done': () => leaveContentHistory(undefined),
    },
  };
}
