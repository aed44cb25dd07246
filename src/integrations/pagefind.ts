/**
 * Builds the Pagefind search index after Astro has written the site. Only pages with a
 * data-pagefind-body element are indexed (blueprints and playbooks); each is read, given the
 * synonyms it mentions (src/lib/search/pagefind-html.ts) and added with Pagefind's Node API.
 * Any error Pagefind reports fails the build: a site whose search silently misses pages is
 * worse than no deploy. https://pagefind.app/docs/node-api/
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { contentDir } from '../../scripts/lib/content-files';
import { isIndexable, withSynonyms } from '../lib/search/pagefind-html';
import { vocabularyFromSources } from '../lib/search/vocabulary';
import type { Synonyms } from '../lib/search/synonyms';

/** The glossary and synonyms files from the content folder (either may be missing). */
export function readVocabulary(root: string): Synonyms {
  const read = (name: string) => {
    const file = join(contentDir(root), name);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  return vocabularyFromSources({ glossary: read('glossary.yaml'), synonyms: read('synonyms.yaml') });
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => join(d.parentPath, d.name));
}

/** The site path Pagefind reports for a built file: "blueprints/x/index.html" → "/blueprints/x/". */
function sitePath(site: string, file: string): string {
  return `/${relative(site, file).split(sep).join('/')}`.replace(/index\.html$/, '');
}

function fail(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

export function pagefindIndex(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'blueprint-commons:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const synonyms = readVocabulary(root);
        const files = htmlFiles(site);
        let indexed = 0;
        // English everywhere, so one index and the English stemmer ("wards" finds "ward").
        const { index, errors } = await createIndex({ forceLanguage: 'en' });
        try {
          fail('start', errors);
          if (!index) throw new Error('Pagefind could not start: no index was created');
          // Pagefind's service handles one message at a time. Pages are read, given their synonyms
          // and sent 50 at a time, so only one batch of HTML is ever held in memory.
          for (let i = 0; i < files.length; i += 50) {
            const batch = files
              .slice(i, i + 50)
              .map((file) => ({ file, html: readFileSync(file, 'utf8') }))
              .filter((p) => isIndexable(p.html));
            const added = await Promise.all(
              batch.map((p) => index.addHTMLFile({ url: sitePath(site, p.file), content: withSynonyms(p.html, synonyms) })),
            );
            added.forEach((a, j) => fail(`index ${relative(site, batch[j].file)}`, a.errors));
            indexed += batch.length;
          }
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          fail('write the index', written.errors);
          // Pagefind also writes its ready-made UIs; the search page uses the JS API, so they are never loaded.
          for (const ui of ['pagefind-ui', 'pagefind-modular-ui', 'pagefind-component-ui']) {
            for (const ext of ['js', 'css']) rmSync(join(site, 'pagefind', `${ui}.${ext}`), { force: true });
          }
        } finally {
          await close();
        }
        logger.info(`indexed ${indexed} page${indexed === 1 ? '' : 's'} with ${synonyms.groups.length} synonym groups in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
