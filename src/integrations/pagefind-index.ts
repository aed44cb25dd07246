/**
 * One build's Pagefind index, fed page by page as Astro renders: pages go to Pagefind in the
 * order Astro listed them, whatever order they finish in, and every error Pagefind reports is
 * kept and thrown at the end. Used by the integration in ./pagefind.ts.
 * https://pagefind.app/docs/node-api/
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import { createIndex, type PagefindIndex } from 'pagefind';
import { sortKeysOf, sortOrders } from '../lib/search/sort-orders';

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
 * Only the start of each file is read and inflated, a few files at a time and off the main
 * thread's way, as Astro is still rendering pages while the index is written.
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

/** A page's key, the same whether Astro lists it ("/blueprints/x") or requests it ("/blueprints/x/"). */
export const keyOf = (path: string) => path.replace(/\/+$/, '');

/**
 * One build's index. Pages are sent to Pagefind in the order Astro listed them, whatever order
 * they finish rendering in, so the same content always gives the same index files. The index is
 * written as soon as the last listed page is in (unless `writeWhenComplete` is false), or when
 * `finish` asks for it. Every error is kept and thrown by `finish`.
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
  /** Sort keys of the pages sent, in the order they were sent (Pagefind never sees them). */
  private sortKeys: { url: string; keys: Record<string, string> }[] = [];

  constructor(
    private readonly outputPath: string,
    private readonly options: { writeWhenComplete?: boolean } = {},
  ) {
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
    if (this.next === this.place.size && this.options.writeWhenComplete !== false) this.write();
  }

  private send(path: string, html: string | undefined): void {
    if (html === undefined) return;
    if (this.writing) {
      this.errors.push(`${path}: rendered after the index was written, so it is not in it`);
      return;
    }
    this.sortKeys.push({ url: path, keys: sortKeysOf(html) });
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
      await this.writeSortOrders();
    });
    this.writing.catch(() => {}); // reported by finish()
    return this.writing;
  }

  /** Writes the search page's sorts, by Pagefind's page ids, beside the index. */
  private async writeSortOrders(): Promise<void> {
    const ids = await pageIds(this.outputPath);
    const pages = this.sortKeys.flatMap(({ url, keys }) => {
      const id = ids.get(url);
      return id ? [{ id, keys }] : [];
    });
    if (pages.length < this.sortKeys.length) fail('write the sort orders', [`${this.sortKeys.length - pages.length} indexed pages have no fragment file in ${join(this.outputPath, 'fragment')}`]);
    await writeFile(join(this.outputPath, sortOrdersFile), JSON.stringify(sortOrders(pages)));
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
