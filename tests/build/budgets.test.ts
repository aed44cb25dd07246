/**
 * Page weight budgets over the built site, so pages stay fast on NHS networks and old devices:
 * a blueprint page's HTML is at most 12 KiB gzipped, the CSS any page loads at most 30 KiB
 * gzipped, only the search and contribute pages load JavaScript, the JavaScript a page loads
 * before anyone acts on it is at most 20 KiB gzipped (70 KiB for the drafting form), and the MDX
 * safety check the drafting form fetches when an author first checks a draft is at most 100 KiB
 * gzipped. The measured sizes are printed so they can be recorded in the README.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attr, parseHtml, type HtmlElement } from '../support/html';
import { builtPages, pageKinds, type BuiltPage } from '../support/pages';
import { basePath, distDir, unserved } from '../support/site-dir';
import { draftingFormScriptBudget, gzipped, importedModules, KiB, scriptBudget } from '../support/page-weight';
import { paths } from '../../src/lib/content/urls';

const blueprintHtmlBudget = 12 * KiB;
const cssBudget = 30 * KiB;
const safetyCheckBudget = 100 * KiB;
/** Pages that may load JavaScript: search runs Pagefind, contribute drafts a file in the browser, the forms send through the gateway. */
const scriptPages = new Set([paths.search(), paths.contribute(), paths.myTrust(), paths.whereToStart(), paths.weAreUsingThis(), paths.feedback(), paths.review()]);
/** An inline classic script this short (e.g. setting a class on <body>) is not "loading JavaScript". */
const inlineScriptAllowance = 256;

interface Measured {
  page: BuiltPage;
  html: number;
  css: number;
  stylesheets: string[];
  /** What makes the page load JavaScript, if anything. */
  scripts: string[];
  /** Gzipped bytes of those scripts and the modules they import (not those loaded later with import()). */
  js: number;
  /** Those modules' files. */
  modules: Set<string>;
}

const gzippedFiles = new Map<string, number>();

/** The built file a same-site address refers to, or undefined for other sites. */
function localFile(href: string, page: BuiltPage): string | undefined {
  const origin = 'http://site.invalid';
  const target = new URL(href, origin + basePath() + page.path.replace(/^\//, ''));
  if (target.origin !== origin) return undefined;
  const sitePath = unserved(decodeURIComponent(target.pathname));
  return sitePath === undefined ? undefined : join(distDir(), sitePath);
}

async function measure(page: BuiltPage): Promise<Measured> {
  const source = readFileSync(page.file);
  const dom = await parseHtml(source.toString('utf8'));
  const stylesheets: string[] = [];
  let css = 0;
  const links = dom.querySelectorAll('link[rel]');
  const rel = (link: HtmlElement) => (attr(link, 'rel') ?? '').toLowerCase().split(/\s+/);
  for (const link of links.filter((l) => rel(l).includes('stylesheet'))) {
    const href = attr(link, 'href') ?? '';
    const file = localFile(href, page);
    stylesheets.push(href);
    if (!file) throw new Error(`${page.path} loads a stylesheet from another site: ${href}`);
    if (!gzippedFiles.has(file)) gzippedFiles.set(file, gzipped(readFileSync(file)));
    css += gzippedFiles.get(file)!;
  }
  for (const style of dom.querySelectorAll('style')) css += gzipped(style.textContent);

  const scripts: string[] = [];
  const isScript = (s: HtmlElement) => !attr(s, 'type') || /^(module|text\/javascript|application\/javascript)$/i.test(attr(s, 'type')!);
  const modules = new Set<string>();
  for (const script of dom.querySelectorAll('script')) {
    if (!isScript(script)) continue; // JSON data blocks and the like run nothing
    const src = attr(script, 'src');
    const file = src ? localFile(src, page) : undefined;
    if (file) importedModules(file, modules);
    if (src) scripts.push(`<script src="${src}">`);
    else if (attr(script, 'type') === 'module') scripts.push('<script type="module"> (inline)');
    else if (script.textContent.trim().length > inlineScriptAllowance) scripts.push(`inline <script> of ${script.textContent.trim().length} characters`);
  }
  for (const link of links.filter((l) => rel(l).includes('modulepreload') || (rel(l).includes('preload') && attr(l, 'as') === 'script'))) {
    scripts.push(`<link rel="${attr(link, 'rel')}" href="${attr(link, 'href')}">`);
  }
  let js = 0;
  for (const file of modules) {
    if (!gzippedFiles.has(file)) gzippedFiles.set(file, gzipped(readFileSync(file)));
    js += gzippedFiles.get(file)!;
  }
  return { page, html: gzipped(source), css, stylesheets, scripts, js, modules };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`;

describe('page weight budgets', () => {
  let measured: Measured[];
  beforeAll(async () => {
    measured = [];
    for (const page of builtPages()) measured.push(await measure(page));
  });

  afterAll(() => {
    if (!measured?.length) return;
    const kinds = pageKinds.filter((kind) => measured.some((m) => m.page.kind === kind));
    const rows = kinds.map((kind) => {
      const of = measured.filter((m) => m.page.kind === kind);
      const html = of.map((m) => m.html);
      const css = of.map((m) => m.css);
      const js = of.map((m) => m.js);
      return { kind, pages: of.length, 'html max': kib(Math.max(...html)), 'html median': kib(median(html)), 'css max': kib(Math.max(...css)), 'css median': kib(median(css)), 'js max': kib(Math.max(...js)) };
    });
    console.log('Measured sizes (gzipped, zlib default level):');
    console.table(rows);
  });

  it('has blueprint pages to measure', () => {
    expect(measured.filter((m) => m.page.kind === 'blueprint' || m.page.kind === 'redprint').length).toBeGreaterThan(0);
  });

  it(`keeps every blueprint page's HTML within ${blueprintHtmlBudget / KiB} KiB gzipped`, () => {
    const over = measured
      .filter((m) => (m.page.kind === 'blueprint' || m.page.kind === 'redprint') && m.html > blueprintHtmlBudget)
      .map((m) => `${m.page.path}  ${kib(m.html)}`);
    expect(over, 'Blueprint pages over budget').toEqual([]);
  });

  it(`keeps the CSS every page loads within ${cssBudget / KiB} KiB gzipped`, () => {
    const over = measured.filter((m) => m.css > cssBudget).map((m) => `${m.page.path}  ${kib(m.css)}  (${m.stylesheets.join(', ')})`);
    expect(over, 'Pages whose CSS is over budget').toEqual([]);
  });

  it('loads no JavaScript file on any page except search, contribute, my trust, where to start, we are using this, feedback and review', () => {
    const loading = measured.filter((m) => !scriptPages.has(m.page.path) && m.scripts.length).map((m) => `${m.page.path}  ${m.scripts.join(', ')}`);
    expect(loading, 'Pages that load JavaScript').toEqual([]);
  });

  it(`keeps the JavaScript a page loads as it opens within ${scriptBudget / KiB} KiB gzipped (${draftingFormScriptBudget / KiB} KiB for the drafting form)`, () => {
    const budgetOf = (m: Measured) => (m.page.path === paths.contribute() ? draftingFormScriptBudget : scriptBudget);
    expect(measured.filter((m) => m.page.path === paths.weAreUsingThis() && m.js > 0), 'the We are using this page measured').toHaveLength(1);
    const over = measured.filter((m) => m.js > budgetOf(m)).map((m) => `${m.page.path}  ${kib(m.js)} of ${kib(budgetOf(m))}`);
    expect(over, 'Pages whose JavaScript is over budget (does a page import the drafting code, or a library, it does not use?)').toEqual([]);
  });

  it(`keeps the drafting form's MDX safety check within ${safetyCheckBudget / KiB} KiB gzipped`, () => {
    // Two chunks of their own, named after src/lib/validate/rules/mdx-safety.ts and remark-parser.ts, loaded
    // with import() on the first check, and the modules they import that the drafting page has not loaded already.
    const assets = join(distDir(), '_astro');
    const fetched = new Set<string>();
    for (const name of ['mdx-safety', 'remark-parser']) {
      const chunks = readdirSync(assets).filter((f) => new RegExp(`^${name}\\.[\\w-]+\\.js$`).test(f));
      expect(chunks, `${name} in a chunk of its own`).toHaveLength(1);
      importedModules(join(assets, chunks[0]), fetched);
    }
    const page = measured.find((m) => m.page.path === paths.contribute());
    expect(page, 'the drafting form measured').toBeDefined();
    const size = [...fetched].filter((file) => !page!.modules.has(file)).reduce((sum, file) => sum + gzipped(readFileSync(file)), 0);
    console.log(`MDX safety check for the drafting form: ${kib(size)} gzipped`);
    expect(size, 'The safety check is over budget (is a dependency bundled twice?)').toBeLessThanOrEqual(safetyCheckBudget);
  });
});
