/**
 * How many bytes a reader's browser fetches to get the first search results: serves a built site
 * on 127.0.0.1, opens the search page in Chromium with an empty cache, types a query and adds up
 * the bytes of every response the server sent (bodies as sent, after compression) until the
 * network has been quiet for a while. Counting at the server sees requests from workers and
 * dynamic imports alike, which a page-level DevTools session can miss.
 *
 * The server gzips text files, as GitHub Pages does; Pagefind's own index files are already
 * compressed and are sent as they are.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.txt': 'text/plain',
  '.wasm': 'application/wasm', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};
const compressible = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt']);

/** A page outside the site, used while there is no search page: it only loads Pagefind. */
export const blankPath = '/__bench__/blank/';

interface Traffic {
  fetched: Fetched[];
  inFlight: number;
  /** Date.now() of the last request start or end. */
  last: number;
  /** Set once the query is typed; requests after that are marked. */
  queryTyped: boolean;
}

function serve(root: string, traffic: Traffic): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const record: Fetched = { url: req.url ?? '/', bytes: 0, afterQuery: traffic.queryTyped };
    traffic.fetched.push(record);
    traffic.inFlight += 1;
    traffic.last = Date.now();
    res.on('close', () => {
      traffic.inFlight -= 1;
      traffic.last = Date.now();
    });
    const send = (status: number, type: string, body: string) => {
      record.bytes += Buffer.byteLength(body);
      res.writeHead(status, { 'content-type': type }).end(body);
    };
    if (path === blankPath) return send(200, types['.html'], '<!doctype html><html lang="en"><title>blank</title><body></body></html>');
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return send(403, 'text/plain', 'forbidden');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return send(404, 'text/plain', 'not found');
    const ext = extname(file);
    const gzip = compressible.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, { 'content-type': types[ext] ?? 'application/octet-stream', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    const body = gzip ? createReadStream(file).pipe(createGzip()) : createReadStream(file);
    body.on('data', (chunk: Buffer) => (record.bytes += chunk.length));
    body.pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export interface Fetched {
  url: string;
  bytes: number;
  /** True when the request started after the query was typed. */
  afterQuery: boolean;
}

export interface FirstSearch {
  /** "search page" when the site has /search/, otherwise "blank page + pagefind.search()". */
  method: string;
  query: string;
  fetched: Fetched[];
  /** Every byte from opening the page to results shown. */
  totalBytes: number;
  /** JavaScript and everything under /pagefind/: what the search itself costs, without the page's HTML and CSS. */
  searchBytes: number;
  results: number;
}

/** Resolves once no request has been in flight for `quietMs`, or after `limitMs` whatever happens. */
async function networkQuiet(traffic: Traffic, quietMs = 1000, limitMs = 30_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    if (traffic.inFlight === 0 && Date.now() - traffic.last >= quietMs) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function typeQuery(page: Page, query: string): Promise<boolean> {
  const box = page.locator('input[type="search"], input[name="q"]').first();
  if ((await box.count()) === 0) return false;
  await box.click();
  await box.pressSequentially(query, { delay: 60 });
  return true;
}

export async function measureFirstSearch(distDir: string, query = 'ward'): Promise<FirstSearch> {
  const traffic: Traffic = { fetched: [], inFlight: 0, last: Date.now(), queryTyped: false };
  const server = await serve(distDir, traffic);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    // A new context has an empty cache: this is a reader's first visit.
    const page = await (await browser.newContext()).newPage();
    const hasSearchPage = existsSync(join(distDir, 'search', 'index.html'));
    let method: string;
    let results = 0;
    if (hasSearchPage) {
      method = 'search page';
      await page.goto(`${origin}/search/`, { waitUntil: 'load' });
      await networkQuiet(traffic);
      const resultLinks = page.locator('main a[href*="/blueprints/"]');
      const linksBefore = await resultLinks.count();
      traffic.queryTyped = true;
      if (!(await typeQuery(page, query))) throw new Error('The search page has no search box (input[type=search] or input[name=q]) to type into.');
      // Results shown: result links appear (or 30 s pass), then the network goes quiet.
      const resultsShown = async () => {
        const until = Date.now() + 30_000;
        while (Date.now() < until && (await resultLinks.count()) <= linksBefore) await page.waitForTimeout(100);
        await networkQuiet(traffic, 1500);
      };
      await resultsShown();
      // A search that only runs on submit needs Enter; one that runs as you type has already shown results.
      if ((await resultLinks.count()) <= linksBefore) {
        await page.keyboard.press('Enter');
        await page.waitForLoadState('load');
        await resultsShown();
      }
      results = (await resultLinks.count()) - linksBefore;
    } else {
      method = 'blank page + pagefind.search(), as there is no /search/ page yet';
      await page.goto(`${origin}${blankPath}`, { waitUntil: 'load' });
      await networkQuiet(traffic);
      traffic.queryTyped = true;
      // What a search UI does on the first query: load Pagefind, search, then load the first five results.
      results = await page.evaluate(async (q) => {
        // A URL the browser resolves; a variable keeps TypeScript from looking for it on disk.
        const pagefindUrl = '/pagefind/pagefind.js';
        const pagefind = await import(pagefindUrl);
        await pagefind.init?.();
        const search = await pagefind.search(q);
        await Promise.all(search.results.slice(0, 5).map((r: { data(): Promise<unknown> }) => r.data()));
        return search.results.length;
      }, query);
      await networkQuiet(traffic);
    }
    const fetched = traffic.fetched;
    const totalBytes = fetched.reduce((sum, f) => sum + f.bytes, 0);
    const searchBytes = fetched
      .filter((f) => f.afterQuery || /\.m?js(\?|$)/.test(f.url) || f.url.includes('/pagefind/'))
      .reduce((sum, f) => sum + f.bytes, 0);
    return { method, query, fetched, totalBytes, searchBytes, results };
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

/** Every JavaScript file a built page loads: `<script src>`, module scripts and module preloads. */
export function scriptsLoadedBy(htmlFile: string): string[] {
  const html = readFileSync(htmlFile, 'utf8');
  const found: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    if (/\bsrc\s*=/.test(m[0]) || /type\s*=\s*["']?module/.test(m[0])) found.push(m[0]);
  }
  for (const m of html.matchAll(/<link\b[^>]*rel\s*=\s*["']?modulepreload[^>]*>/gi)) found.push(m[0]);
  return found;
}

/** What a fetched file is, for the breakdown of a first search. */
export function kindOf(url: string): string {
  const path = new URL(url, 'http://x').pathname;
  if (path.endsWith('/pagefind/pagefind.js')) return 'pagefind.js';
  if (path.endsWith('/pagefind/pagefind-entry.json')) return 'pagefind-entry.json';
  if (/\/pagefind\/wasm\.[^/]*\.pagefind$/.test(path)) return 'wasm';
  if (path.endsWith('.pf_meta')) return 'pf_meta';
  if (path.includes('/pagefind/index/')) return 'index chunks';
  if (path.includes('/pagefind/filter/')) return 'filter files';
  if (path.includes('/pagefind/fragment/')) return 'fragments';
  if (path.includes('/pagefind/')) return 'other Pagefind files';
  if (/\.m?js$/.test(path)) return "page's JavaScript";
  if (path.endsWith('.css')) return "page's CSS";
  return "page's HTML and other files";
}

/** Bytes and files of a first search by kind of file, largest first. */
export function breakdown(fetched: Fetched[]): { kind: string; files: number; bytes: number }[] {
  const byKind = new Map<string, { kind: string; files: number; bytes: number }>();
  for (const f of fetched) {
    const kind = kindOf(f.url);
    const entry = byKind.get(kind) ?? { kind, files: 0, bytes: 0 };
    entry.files += 1;
    entry.bytes += f.bytes;
    byKind.set(kind, entry);
  }
  return [...byKind.values()].sort((a, b) => b.bytes - a.bytes);
}

/**
 * `npx tsx scripts/bench/first-search.ts DIST [QUERY]`: measures the first search on a site already
 * built into DIST (e.g. a folder the benchmark kept with --keep), and prints the bytes by kind of file.
 */
async function main(): Promise<void> {
  const [dist, query = 'ward'] = process.argv.slice(2);
  if (!dist || !existsSync(join(dist, 'pagefind'))) {
    console.error('Usage: npx tsx scripts/bench/first-search.ts DIST [QUERY], where DIST is a built site with a pagefind/ folder');
    process.exit(2);
  }
  const measured = await measureFirstSearch(resolve(dist), query);
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`First search (${measured.method}, query "${query}", ${measured.results} results): ${kib(measured.searchBytes)} counted, ${kib(measured.totalBytes)} with the page itself.`);
  console.log('| file | files | gzipped bytes |\n| --- | ---: | ---: |');
  for (const row of breakdown(measured.fetched)) console.log(`| ${row.kind} | ${row.files} | ${kib(row.bytes)} |`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
