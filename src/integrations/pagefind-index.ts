/**
 * One build's Pagefind index, written from the built site once every page is on disk: Pagefind's
 * command-line program reads the indexed folders itself, and any error it reports fails the build.
 * Only blueprint, playbook and template pages are indexed, and within them only elements marked
 * data-pagefind-body, each page already carrying the tokens of the synonym groups it mentions
 * (src/components/SynonymTokens.astro). Used by ./pagefind.ts (`astro build`) and
 * ./pagefind-hosted.ts (`npm run build`, once Astro has exited).
 * https://pagefind.app/docs/config-options/
 *
 * Why Pagefind reads the files rather than being sent each page as Astro renders it: sending costs
 * CPU at both ends (Pagefind's Node API encodes each page as base64 JSON, its service decodes it),
 * and the pages are on disk anyway. Why the command line and not the Node API's service: the
 * service's "write files" request builds the whole index twice (Pagefind 1.6,
 * pagefind/src/service/mod.rs calls build_indexes, then write_files, which calls it again), about
 * 15% more CPU for the same files. Measured figures: scripts/bench/README.md.
 */
import { execFile } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gunzipSync } from 'node:zlib';
import { paths } from '../lib/content/urls';
import { sortKeysOf, sortOrders } from '../lib/search/sort-orders';

/** Site folders whose pages go into the index; pages elsewhere (lists, taxonomy, organisations) never do. */
const indexedFolders = [paths.blueprints(), paths.playbooks(), paths.templates()].map((p) => p.replace(/^\/|\/$/g, ''));

/** The same folders as a glob over the built site, for Pagefind. */
const indexedGlob = `{${indexedFolders.join(',')}}/**/*.html`;

/**
 * Whether a page has an element Pagefind indexes. Pages under the indexed folders without one (the
 * blueprint list's pages) are read by Pagefind and left out, as on any site whose pages mark a body.
 */
const hasIndexedBody = (html: string) => /<[a-z][a-z0-9-]*\s[^>]*\bdata-pagefind-body\b/i.test(html);

/**
 * Pagefind's command line as `npx pagefind` runs it: the npm package's runner, which starts the
 * binary built for this platform (pagefind_extended when installed).
 */
const pagefindRunner = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner', 'bin.cjs');

/**
 * Runs Pagefind over `site`'s indexed folders, writing the index into `outputPath`, and resolves
 * once its process has exited: to no lines if it succeeded, else to the lines it printed. Pagefind
 * would also take settings from PAGEFIND_ variables and from a pagefind.yml in its working folder:
 * it runs in the built site, without those variables, so the index depends on these arguments alone.
 */
function runPagefind(site: string, outputPath: string): Promise<string[]> {
  // English everywhere, so one index and the English stemmer ("wards" finds "ward").
  const args = [pagefindRunner, '--site', site, '--glob', indexedGlob, '--force-language', 'en', '--output-path', outputPath, '--silent'];
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PAGEFIND_') || name.endsWith('_BINARY_PATH')));
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: site, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolve([]);
      const printed = `${stderr}\n${stdout}`.split('\n').map((line) => line.trim()).filter(Boolean);
      resolve(printed.length > 0 ? printed : [error.message]);
    });
  });
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

/** The file, beside Pagefind's, that holds the search page's sorts (src/lib/search/sort-orders.ts). */
export const sortOrdersFile = 'sort-orders.json';

/**
 * Pagefind's id for each indexed page, by the page's URL: a page's id names its fragment file
 * (`fragment/<id>.pf_fragment`, gzipped "pagefind_dcd" + JSON whose first field is the URL).
 * Only the start of each file is read and inflated, synchronously: nothing else is waiting, and
 * at 1,000 pages that is 140 ms of CPU against 220 ms with fs/promises.
 */
function pageIds(pagefindDir: string): Map<string, string> {
  const folder = join(pagefindDir, 'fragment');
  const start = Buffer.alloc(2048);
  const urlIn = (file: string): string => {
    const fd = openSync(join(folder, file), 'r');
    try {
      const read = readSync(fd, start, 0, start.length, 0);
      const text = gunzipSync(start.subarray(0, read), { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
      const url = /^pagefind_dcd\{"url":("(?:[^"\\]|\\.)*")/.exec(text)?.[1];
      if (url) return JSON.parse(url) as string;
    } finally {
      closeSync(fd);
    }
    // A URL longer than the start read: the whole file.
    return (JSON.parse(gunzipSync(readFileSync(join(folder, file))).toString('utf8').slice('pagefind_dcd'.length)) as { url: string }).url;
  };
  const files = readdirSync(folder).filter((f) => f.endsWith('.pf_fragment'));
  return new Map(files.map((file) => [urlIn(file), file.slice(0, -'.pf_fragment'.length)]));
}

/** Pagefind's URL for a built file: "blueprints/x/index.html" is "/blueprints/x/". */
const pageUrl = (file: string) => `/${file.split(sep).join(posix.sep)}`.replace(/(^|\/)index\.html$/, '$1');

/**
 * The pages Pagefind will index, by URL in the order of their files' paths, with their sort keys
 * (Pagefind never sees those). Read synchronously: at 1,000 blueprints 70 ms of CPU against 280 ms
 * with fs/promises (30 MB of pages).
 */
function indexedPages(site: string): { url: string; keys: Record<string, string> }[] {
  const files: string[] = [];
  for (const folder of indexedFolders) {
    let found: string[] = [];
    try {
      found = readdirSync(join(site, folder), { recursive: true, encoding: 'utf8' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    files.push(...found.filter((f) => f.endsWith('.html')).map((f) => join(folder, f)));
  }
  return files.sort().flatMap((file) => {
    const html = readFileSync(join(site, file), 'utf8');
    return hasIndexedBody(html) ? [{ url: pageUrl(file), keys: sortKeysOf(html) }] : [];
  });
}

/** Writes the search page's sorts, by Pagefind's page ids, beside the index. */
function writeSortOrders(outputPath: string, pages: { url: string; keys: Record<string, string> }[]): void {
  const ids = pageIds(outputPath);
  const withIds = pages.flatMap(({ url, keys }) => {
    const id = ids.get(url);
    return id ? [{ id, keys }] : [];
  });
  if (withIds.length < pages.length) fail('write the sort orders', [`${pages.length - withIds.length} indexed pages have no fragment file in ${join(outputPath, 'fragment')}`]);
  writeFileSync(join(outputPath, sortOrdersFile), JSON.stringify(sortOrders(withIds)));
}

/**
 * Indexes the built site in `site` (every page written) into `site`/pagefind/ with the search
 * page's sort orders beside it, and returns how many pages the index holds. Pagefind is always
 * stopped before this returns. The same pages always give the same index files, whatever order
 * they were written in (tests/integration/pagefind-index.test.ts).
 */
export async function writeSearchIndex(site: string): Promise<number> {
  const outputPath = join(site, 'pagefind');
  const folders = indexedFolders.map((f) => `${f}/`).join(', ');
  const pages = indexedPages(site);
  if (pages.length === 0) fail('index the pages', [`no built page under ${folders} has a data-pagefind-body element, so the search would find nothing`]);
  // Pagefind panics, printing only a stack trace, when it cannot create the folder.
  try {
    mkdirSync(outputPath, { recursive: true });
  } catch (error) {
    fail('write the index', [(error as Error).message]);
  }
  fail('index the pages', await runPagefind(site, outputPath));
  const count = pagesIndexed(outputPath);
  if (count !== pages.length) fail('index every page', [`it holds ${count} pages, but ${pages.length} built pages under ${folders} have a data-pagefind-body element`]);
  writeSortOrders(outputPath, pages);
  // Pagefind also writes its ready-made UIs; the search page uses the JS API, so they are never loaded.
  for (const ui of ['pagefind-ui', 'pagefind-modular-ui', 'pagefind-component-ui']) {
    for (const ext of ['js', 'css']) rmSync(join(outputPath, `${ui}.${ext}`), { force: true });
  }
  return count;
}
