/**
 * Builds the Pagefind search index while Astro renders the site. Only blueprint, playbook and
 * template pages are indexed, and within them only elements marked data-pagefind-body, each page
 * already carrying the tokens of the synonym groups it mentions (src/components/SynonymTokens.astro).
 * Any error Pagefind reports fails the build: a site whose search silently misses pages is worse
 * than no deploy.
 * https://pagefind.app/docs/node-api/
 *
 * Why during rendering, not after it: rendering runs on one core and Pagefind's service reads the
 * pages it is sent on one core, so on a two-core machine the two overlap. Astro renders the
 * indexed pages first; once the last one is in, Pagefind writes the index (also on one core)
 * while Astro renders the lists, taxonomy and organisation pages. `astro:build:done` waits for
 * the index and always closes Pagefind. Measured figures: README "Performance".
 *
 * Under `npm run build` the index is kept by the parent process instead (./pagefind-hosted.ts):
 * the pages go to it over the IPC channel, and it writes the index once Astro has exited.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { fileURLToPath } from 'node:url';
import { paths } from '../lib/content/urls';
import { indexedPart } from '../lib/search/indexed-part';
import { closePagefind } from './pagefind-close.mjs';
import { keyOf, SearchIndex } from './pagefind-index';
import { HostedSearchIndex, indexHostedByParent } from './pagefind-hosted';

/** What the prerenderer sends pages to: the index itself, or the parent process that keeps it. */
type PageSink = Pick<SearchIndex, 'expect' | 'add'>;

/** Site paths whose pages go to Pagefind; other pages (lists, taxonomy, organisations) are never sent. */
const indexedFolders = [paths.blueprints(), paths.playbooks(), paths.templates()];

/** The site path of a page ("/blueprints/x/"), whatever base path the site is deployed under. */
function sitePath(url: string, base: string): string {
  const pathname = decodeURI(new URL(url).pathname);
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  return prefix && pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
}

function isIndexed(path: string): boolean {
  return indexedFolders.some((folder) => path.startsWith(folder));
}

/**
 * Astro's own prerenderer, with two changes: indexed pages are rendered first (in Astro's order
 * otherwise), and each indexed HTML page is handed to the search index as it is rendered.
 */
function indexingPrerenderer(astro: AstroPrerenderer, start: () => PageSink, base: string): AstroPrerenderer {
  let search: PageSink | undefined;
  return {
    ...astro,
    name: 'blueprint-commons:indexing',
    async setup() {
      await astro.setup?.();
      search = start();
    },
    async getStaticPaths() {
      const all = await astro.getStaticPaths();
      const indexed = all.filter((p) => isIndexed(`${keyOf(p.pathname)}/`));
      search?.expect(indexed.map((p) => p.pathname));
      const first = new Set(indexed);
      return [...indexed, ...all.filter((p) => !first.has(p))];
    },
    async render(request, options) {
      const rendered = await astro.render(request, options);
      const path = sitePath(request.url, base);
      if (!search || !isIndexed(path)) return rendered;
      const { response, metadata } = rendered instanceof Response ? { response: rendered, metadata: undefined } : rendered;
      // Read the page once for Pagefind and give Astro an identical response to write to disk.
      const body = await response.arrayBuffer();
      const isHtml = response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html');
      search.add(path, isHtml ? indexedPart(Buffer.from(body).toString('utf8')) : undefined);
      const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      return metadata ? { response: copy, metadata } : copy;
    },
  };
}

export function pagefindIndex(): AstroIntegration {
  let base = '/';
  let outputPath = '';
  let search: SearchIndex | HostedSearchIndex | undefined;
  return {
    name: 'blueprint-commons:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        outputPath = fileURLToPath(new URL('pagefind/', config.outDir));
      },
      'astro:build:start': ({ setPrerenderer }) => {
        search = undefined;
        // Pagefind starts when rendering does, so a build that fails before then starts no Pagefind.
        const hosted = indexHostedByParent();
        setPrerenderer((astro) => indexingPrerenderer(astro, () => (search = hosted ? new HostedSearchIndex(outputPath) : new SearchIndex(outputPath)), base));
      },
      'astro:build:done': async ({ logger }) => {
        if (search instanceof HostedSearchIndex) {
          await search.finish();
          logger.info('every page sent; npm run build writes the index once Astro has exited');
          return;
        }
        const started = performance.now();
        let indexed = 0;
        try {
          if (!search) throw new Error('Pagefind did not run: Astro rendered no pages through this integration');
          indexed = await search.finish();
        } finally {
          await closePagefind();
        }
        logger.info(`indexed ${indexed} page${indexed === 1 ? '' : 's'}; waited ${Math.round(performance.now() - started)} ms for the index after the pages were built`);
      },
    },
  };
}
