/**
 * One build's Pagefind index, written from the built site once every page is on disk: Pagefind
 * reads the indexed folders itself (`addDirectory`), and any error it reports fails the build.
 * Only blueprint, playbook and template pages are indexed, and within them only elements marked
 * data-pagefind-body, each page already carrying the tokens of the synonym groups it mentions
 * (src/components/SynonymTokens.astro). Used by ./pagefind.ts (`astro build`) and
 * ./pagefind-hosted.ts (`npm run build`, once Astro has exited).
 * https://pagefind.app/docs/node-api/
 *
 * Why Pagefind reads the files rather than being sent each page as Astro renders it: sending costs
 * CPU at both ends (Pagefind's Node API encodes each page as base64 JSON, its service decodes it),
 * and the pages are on disk anyway. Measured figures: scripts/bench/README.md.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, posix, sep } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import { createIndex } from 'pagefind';
import { paths } from '../lib/content/urls';
import { sortKeysOf, sortOrders } from '../lib/search/sort-orders';
import { closePagefind } from './pagefind-close.mjs';

/** Site folders whose pages go into the index; pages elsewhere (lists, taxonomy, organisations) never do. */
const indexedFolders = [paths.blueprints(), paths.playbooks(), paths.templates()].map((p) => p.replace(/^\/|\/$/g, ''));

/** The same folders as a glob over the built site, for Pagefind. */
const indexedGlob = `{${indexedFolders.join(',')}}/**/*.html`;

/**
 * Whether a page has an element Pagefind indexes. Pages under the indexed folders without one (the
 * blueprint list's pages) are read by Pagefind and left out, as on any site whose pages mark a body.
 */
const hasIndexedBody = (html: string) => /<[a-z][a-z0-9-]*\s[^>]*\bdata-pagefind-body\b/i.test(html);

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

/** The file, beside Pagefind's, that holds the search page's sorts (src/lib/search/sort-orders.ts). */
export const sortOrdersFile = 'sort-orders.json';

/**
 * Pagefind's id for each indexed page, by the page's URL: a page's id names its fragment file
 * (`fragment/<id>.pf_fragment`, gzipped "pagefind_dcd" + JSON whose first field is the URL).
 * Only the start of each file is read and inflated, a few files at a time.
 */
async function pageIds(pagefindDir: string): Promise<Map<string, string>> {
  const folder = join(pagefindDir, 'fragment');
  const files = (await readdir(folder)).filter((f) => f.endsWith('.pf_fragment'));
  const ids = new Map<string, string>();
  const urlOf = async (file: string): Promise<string> => {
    const handle = await open(join(folder, file));
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(2048), 0, 2048, 0);
      const start = gunzipSync(buffer.subarray(0, bytesRead), { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
      const url = /^pagefind_dcd\{"url":("(?:[^"\\]|\\.)*")/.exec(start)?.[1];
      if (url) return JSON.parse(url) as string;
    } finally {
      await handle.close();
    }
    // A URL longer than the start read: the whole file.
    return (JSON.parse(gunzipSync(await readFile(join(folder, file))).toString('utf8').slice('pagefind_dcd'.length)) as { url: string }).url;
  };
  for (let i = 0; i < files.length; i += 32) {
    const batch = files.slice(i, i + 32);
    const urls = await Promise.all(batch.map(urlOf));
    urls.forEach((url, j) => ids.set(url, batch[j].slice(0, -'.pf_fragment'.length)));
  }
  return ids;
}

/** Pagefind's URL for a built file: "blueprints/x/index.html" is "/blueprints/x/". */
const urlOf = (file: string) => `/${file.split(sep).join(posix.sep)}`.replace(/(^|\/)index\.html$/, '$1');

/**
 * The pages Pagefind will index, by URL in the order of their files' paths, with their sort keys
 * (Pagefind never sees those). Read 32 files at a time.
 */
async function indexedPages(site: string): Promise<{ url: string; keys: Record<string, string> }[]> {
  const files: string[] = [];
  for (const folder of indexedFolders) {
    const found = await readdir(join(site, folder), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    files.push(...found.filter((f) => f.endsWith('.html')).map((f) => join(folder, f)));
  }
  files.sort();
  const pages: { url: string; keys: Record<string, string> }[] = [];
  for (let i = 0; i < files.length; i += 32) {
    const batch = files.slice(i, i + 32);
    const htmls = await Promise.all(batch.map((f) => readFile(join(site, f), 'utf8')));
    htmls.forEach((html, j) => {
      if (hasIndexedBody(html)) pages.push({ url: urlOf(batch[j]), keys: sortKeysOf(html) });
    });
  }
  return pages;
}

/** Writes the search page's sorts, by Pagefind's page ids, beside the index. */
async function writeSortOrders(outputPath: string, pages: { url: string; keys: Record<string, string> }[]): Promise<void> {
  const ids = await pageIds(outputPath);
  const withIds = pages.flatMap(({ url, keys }) => {
    const id = ids.get(url);
    return id ? [{ id, keys }] : [];
  });
  if (withIds.length < pages.length) fail('write the sort orders', [`${pages.length - withIds.length} indexed pages have no fragment file in ${join(outputPath, 'fragment')}`]);
  await writeFile(join(outputPath, sortOrdersFile), JSON.stringify(sortOrders(withIds)));
}

/**
 * Indexes the built site in `site` (every page written) into `site`/pagefind/ with the search
 * page's sort orders beside it, and returns how many pages the index holds. Pagefind is always
 * stopped before this returns. The same files always give the same index: Pagefind reads them in
 * the order of their paths.
 */
export async function writeSearchIndex(site: string): Promise<number> {
  const outputPath = join(site, 'pagefind');
  try {
    // English everywhere, so one index and the English stemmer ("wards" finds "ward").
    const [{ index, errors }, pages] = await Promise.all([createIndex({ forceLanguage: 'en' }), indexedPages(site)]);
    fail('start', errors);
    if (!index) throw new Error('Pagefind could not start: no index was created');
    const folders = indexedFolders.map((f) => `${f}/`).join(', ');
    if (pages.length === 0) fail('index the pages', [`no built page under ${folders} has a data-pagefind-body element, so the search would find nothing`]);
    const added = await index.addDirectory({ path: site, glob: indexedGlob });
    fail('index the pages', added.errors);
    // Pagefind's service panics, and never answers, when it cannot create the folder.
    try {
      mkdirSync(outputPath, { recursive: true });
    } catch (error) {
      fail('write the index', [(error as Error).message]);
    }
    const written = await index.writeFiles({ outputPath });
    fail('write the index', written.errors);
    const count = pagesIndexed(outputPath);
    if (count !== pages.length) fail('index every page', [`it holds ${count} pages, but ${pages.length} built pages under ${folders} have a data-pagefind-body element`]);
    await writeSortOrders(outputPath, pages);
    // Pagefind also writes its ready-made UIs; the search page uses the JS API, so they are never loaded.
    for (const ui of ['pagefind-ui', 'pagefind-modular-ui', 'pagefind-component-ui']) {
      for (const ext of ['js', 'css']) rmSync(join(outputPath, `${ui}.${ext}`), { force: true });
    }
    return count;
  } finally {
    await closePagefind();
  }
}
