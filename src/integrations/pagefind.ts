/**
 * Builds the Pagefind search index after Astro has written the site. Pagefind reads the built
 * folders of blueprints and playbooks itself (addDirectory, in parallel in its own process);
 * only elements marked data-pagefind-body are indexed, each page already carrying its synonyms
 * (src/components/AlsoKnownAs.astro). Any error Pagefind reports fails the build: a site whose
 * search silently misses pages is worse than no deploy. https://pagefind.app/docs/node-api/
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { paths } from '../lib/content/urls';

/**
 * The pages Pagefind reads: only the folders holding indexed pages, so the other pages (lists,
 * taxonomy, organisations) are not parsed just to be skipped. Within them, pages without
 * data-pagefind-body (archived blueprints, list pages) are still left out by Pagefind.
 */
const indexedFolders = [paths.blueprints(), paths.playbooks()].map((p) => p.replace(/^\/|\/$/g, ''));
const indexedGlob = `{${indexedFolders.join(',')}}/**/*.html`;

function fail(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

/** How many pages the written index holds, from Pagefind's entry file. */
function pagesIndexed(pagefindDir: string): number {
  const entry = JSON.parse(readFileSync(join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'blueprint-commons:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        let indexed = 0;
        // English everywhere, so one index and the English stemmer ("wards" finds "ward").
        const { index, errors } = await createIndex({ forceLanguage: 'en' });
        try {
          fail('start', errors);
          if (!index) throw new Error('Pagefind could not start: no index was created');
          const added = await index.addDirectory({ path: site, glob: indexedGlob });
          fail(`index ${site}`, added.errors);
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          fail('write the index', written.errors);
          // Pagefind also writes its ready-made UIs; the search page uses the JS API, so they are never loaded.
          for (const ui of ['pagefind-ui', 'pagefind-modular-ui', 'pagefind-component-ui']) {
            for (const ext of ['js', 'css']) rmSync(join(site, 'pagefind', `${ui}.${ext}`), { force: true });
          }
          indexed = pagesIndexed(join(site, 'pagefind'));
        } finally {
          await close();
        }
        logger.info(`indexed ${indexed} page${indexed === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
