/**
 * Builds the Pagefind search index while Astro renders the site. Only blueprint and playbook
 * pages are indexed, and within them only elements marked data-pagefind-body, each page already
 * carrying its synonyms (src/components/AlsoKnownAs.astro). Any error Pagefind reports fails the
 * build: a site whose search silently misses pages is worse than no deploy.
 * https://pagefind.app/docs/node-api/
 *
 * Why during rendering, not after it: rendering runs on one core and Pagefind's service reads the
 * pages it is sent on one core, so on a two-core machine the two overlap. Astro renders the
 * indexed pages first; once the last one is in, Pagefind writes the index (also on one core)
 * while Astro renders the lists, taxonomy and organisation pages. `astro:build:done` waits for
 * the index and always closes Pagefind. Measured figures: README "Performance".
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { paths } from '../lib/content/urls';

/** Site paths whose pages go to Pagefind; other pages (lists, taxonomy, organisations) are never sent. */
const indexedFolders = [paths.blueprints(), paths.playbooks()];

/** The site path of a page ("/blueprints/x/"), whatever base path the site is deployed under. */
function sitePath(url: string, base: string): string {
  const pathname = decodeURI(new URL(url).pathname);
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  return prefix && pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
}

function isIndexed(path: string): boolean {
  return indexedFolders.some((folder) => path.startsWith(folder));
}

/** Throws the errors of a step, at most 20 of them (a Pagefind that cannot start fails every page). */
function fail(step: string, errors: string[]): void {
  if (errors.length === 0) return;
  const more = errors.length > 20 ? `\n… and ${errors.length - 20} more` : '';
  throw new Error(`Pagefind could not ${step}:\n${errors.slice(0, 20).join('\n')}${more}`);
}

/** How many pages the written index holds, from Pagefind's entry file. */
function pagesIndexed(pagefindDir: string): number {
  const entry = JSON.parse(readFileSync(join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

/**
 * What Pagefind reads of a page: its <html> tag (the page's language) and its data-pagefind-body
 * element, or undefined when the page has none. Pagefind ignores everything else on a site whose
 * pages mark their bodies, so the index is the same, and the header, navigation and footer
 * (about a third of a blueprint page) are neither encoded for Pagefind nor parsed by it.
 */
export function indexedPart(html: string): string | undefined {
  const open = /<([a-z]+)\s[^>]*\bdata-pagefind-body\b/.exec(html);
  if (!open) return undefined;
  const [start, tag] = [open.index, open[1]];
  // The element ends at the closing tag that balances it; elements of the same name may nest inside.
  const tags = new RegExp(`<(/?)${tag}[\\s>]`, 'g');
  tags.lastIndex = start + 1;
  for (let depth = 1, m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      const end = html.indexOf('>', m.index) + 1;
      const htmlTag = /<html[\s>][^>]*>?/.exec(html)?.[0] ?? '<html>';
      return `${htmlTag}<body>${html.slice(start, end)}</body></html>`;
    }
  }
  return undefined;
}

/** A page's key, the same whether Astro lists it ("/blueprints/x") or requests it ("/blueprints/x/"). */
const keyOf = (path: string) => path.replace(/\/+$/, '');

/**
 * One build's index. Pages are sent to Pagefind in the order Astro listed them, whatever order
 * they finish rendering in, so the same content always gives the same index files. The index is
 * written as soon as the last listed page is in, or when `finish` asks for it. Every error is
 * kept and thrown by `finish`.
 */
export class SearchIndex {
  private index: Promise<PagefindIndex>;
  private sending: Promise<void>[] = [];
  private errors: string[] = [];
  private writing: Promise<void> | undefined;
  /** Listed page → its place in the list. */
  private place = new Map<string, number>();
  /** Pages rendered before an earlier one in the list, by place. */
  private early = new Map<number, { path: string; html: string | undefined }>();
  private next = 0;

  constructor(private readonly outputPath: string) {
    // English everywhere, so one index and the English stemmer ("wards" finds "ward").
    this.index = createIndex({ forceLanguage: 'en' }).then(({ index, errors }) => {
      fail('start', errors);
      if (!index) throw new Error('Pagefind could not start: no index was created');
      return index;
    });
    this.index.catch(() => {}); // reported by finish()
  }

  /** The pages to be indexed, in Astro's order. */
  expect(paths: string[]): void {
    paths.forEach((path, i) => this.place.set(keyOf(path), i));
  }

  /** A rendered page: the HTML Pagefind should read, or undefined when there is nothing to index. */
  add(path: string, html: string | undefined): void {
    const place = this.place.get(keyOf(path));
    if (place === undefined) return this.send(path, html); // not listed: nothing to wait for
    this.early.set(place, { path, html });
    for (let page = this.early.get(this.next); page; page = this.early.get(this.next)) {
      this.early.delete(this.next++);
      this.send(page.path, page.html);
    }
    if (this.next === this.place.size) this.write();
  }

  private send(path: string, html: string | undefined): void {
    if (html === undefined) return;
    if (this.writing) {
      this.errors.push(`${path}: rendered after the index was written, so it is not in it`);
      return;
    }
    const sent = this.index
      .then((index) => index.addHTMLFile({ url: path, content: html }))
      .then((added) => {
        this.errors.push(...added.errors.map((e) => `${path}: ${e}`));
      });
    sent.catch(() => {}); // reported by finish()
    this.sending.push(sent);
  }

  private write(): Promise<void> {
    // A listed page that never rendered (none should) must not hold back the ones after it.
    for (const place of [...this.early.keys()].sort((a, b) => a - b)) {
      const page = this.early.get(place)!;
      this.send(page.path, page.html);
    }
    this.early.clear();
    this.writing ??= Promise.all(this.sending).then(async () => {
      fail('index the pages', this.errors);
      // Pagefind's service panics, and never answers, when it cannot create the folder.
      try {
        mkdirSync(this.outputPath, { recursive: true });
      } catch (error) {
        fail('write the index', [(error as Error).message]);
      }
      const written = await (await this.index).writeFiles({ outputPath: this.outputPath });
      fail('write the index', written.errors);
    });
    this.writing.catch(() => {}); // reported by finish()
    return this.writing;
  }

  /** Waits for the index to be written (writing it now if it has not started) and returns its page count. */
  async finish(): Promise<number> {
    await this.write();
    fail('index every page', this.errors);
    // Pagefind also writes its ready-made UIs; the search page uses the JS API, so they are never loaded.
    for (const ui of ['pagefind-ui', 'pagefind-modular-ui', 'pagefind-component-ui']) {
      for (const ext of ['js', 'css']) rmSync(join(this.outputPath, `${ui}.${ext}`), { force: true });
    }
    return pagesIndexed(this.outputPath);
  }
}

/**
 * Astro's own prerenderer, with two changes: indexed pages are rendered first (in Astro's order
 * otherwise), and each indexed HTML page is handed to the search index as it is rendered.
 */
function indexingPrerenderer(astro: AstroPrerenderer, start: () => SearchIndex, base: string): AstroPrerenderer {
  let search: SearchIndex | undefined;
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
  let search: SearchIndex | undefined;
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
        setPrerenderer((astro) => indexingPrerenderer(astro, () => (search = new SearchIndex(outputPath)), base));
      },
      'astro:build:done': async ({ logger }) => {
        const started = performance.now();
        let indexed = 0;
        try {
          if (!search) throw new Error('Pagefind did not run: Astro rendered no pages through this integration');
          indexed = await search.finish();
        } finally {
          await close();
        }
        logger.info(`indexed ${indexed} page${indexed === 1 ? '' : 's'}; waited ${Math.round(performance.now() - started)} ms for the index after the pages were built`);
      },
    },
  };
}
