/**
 * The built pages, found by walking dist/, and the kind of each, worked out from the routes in
 * src/lib/content/urls.ts and the taxonomy's facets, so a new page kind only needs a line here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { facets } from '../../src/lib/schema/taxonomy';
import { paths } from '../../src/lib/content/urls';
import { expectedContent } from './content';
import { distDir } from './site-dir';
import { parseHtml, type HtmlElement } from './html';

export const pageKinds = [
  'home', 'blueprint', 'redprint', 'blueprint-index', 'playbook', 'playbook-index', 'organisation',
  'organisation-index', 'template', 'template-index', 'taxonomy', 'taxonomy-index', 'glossary', 'search', 'contribute', 'about',
  'accessibility', 'privacy', 'open-data', '404', 'my-trust', 'where-to-start', 'we-are-using-this', 'feedback', 'review', 'suggest-a-change', 'other',
] as const;
export type PageKind = (typeof pageKinds)[number];

export interface BuiltPage {
  /** Site path without the base path, as a reader would link to it: "/", "/blueprints/x/", "/404.html". */
  path: string;
  /** Absolute path of the HTML file. */
  file: string;
  kind: PageKind;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    return d.isDirectory() ? walk(path) : d.isFile() ? [path] : [];
  });
}

/** Every file in the built site, as paths relative to its root with forward slashes. */
export function builtFiles(root = distDir()): string[] {
  return walk(root).map((f) => relative(root, f).split(sep).join('/')).sort();
}

/** The site path a built HTML file is served at. */
export function sitePathOf(relativeFile: string): string {
  if (relativeFile === 'index.html') return '/';
  if (relativeFile.endsWith('/index.html')) return `/${relativeFile.slice(0, -'index.html'.length)}`;
  return `/${relativeFile}`;
}

const fixed: Record<string, PageKind> = {
  [paths.home()]: 'home',
  [paths.blueprints()]: 'blueprint-index',
  [paths.playbooks()]: 'playbook-index',
  [paths.organisations()]: 'organisation-index',
  [paths.templates()]: 'template-index',
  [paths.glossary()]: 'glossary',
  [paths.search()]: 'search',
  [paths.contribute()]: 'contribute',
  [paths.about()]: 'about',
  [paths.accessibility()]: 'accessibility',
  [paths.privacy()]: 'privacy',
  [paths.openData()]: 'open-data',
  [paths.myTrust()]: 'my-trust',
  [paths.whereToStart()]: 'where-to-start',
  [paths.weAreUsingThis()]: 'we-are-using-this',
  [paths.feedback()]: 'feedback',
  [paths.review()]: 'review',
  [paths.suggestChange()]: 'suggest-a-change',
  '/404.html': '404',
};

/** "/blueprints/page/2/" → "/blueprints/": later pages of a paginated list are the same kind as the first. */
export function firstPageOf(path: string): string {
  return path.replace(/page\/\d+\/$/, '');
}

/** Top-level folders that hold taxonomy pages: one per facet, plus national programmes. */
function taxonomyFolders(): string[] {
  return [...Object.values(facets).map((f): string => f.path), paths.programmes().replaceAll('/', '')];
}

/** The kind of page at a site path. */
export function kindOf(path: string): PageKind {
  const list = firstPageOf(path);
  if (fixed[list]) return fixed[list];
  const [first, second, ...rest] = list.split('/').filter(Boolean);
  if (rest.length || !list.endsWith('/')) return 'other';
  const { blueprints, playbooks, organisations, templates } = expectedContent();
  if (second && list === paths.blueprint(second)) {
    const entry = blueprints.find((b) => b.slug === second);
    return !entry ? 'other' : entry.data.type === 'redprint' ? 'redprint' : 'blueprint';
  }
  if (second && list === paths.playbook(second)) return playbooks.some((p) => p.slug === second) ? 'playbook' : 'other';
  if (second && list === paths.organisation(second)) return organisations.some((o) => o.slug === second) ? 'organisation' : 'other';
  if (second && list === paths.template(second)) return templates.some((t) => t.slug === second) ? 'template' : 'other';
  if (first && taxonomyFolders().includes(first)) return second ? 'taxonomy' : 'taxonomy-index';
  return 'other';
}

let cached: BuiltPage[] | undefined;

/** Every HTML page in the built site with its kind. */
export function builtPages(root = distDir()): BuiltPage[] {
  if (cached && root === distDir()) return cached;
  const pages = builtFiles(root)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ path: sitePathOf(f), file: join(root, f), kind: kindOf(sitePathOf(f)) }));
  if (root === distDir()) cached = pages;
  return pages;
}

/** Built pages of one kind, in path order. */
export function pagesOfKind(kind: PageKind): BuiltPage[] {
  return builtPages().filter((p) => p.kind === kind);
}

/**
 * One page of a kind, for tests that need an example; fails with a clear message when the site
 * has none yet, so a missing page kind shows up as a failing test rather than a skipped one.
 */
export function onePageOf(kind: PageKind, prefer?: (page: BuiltPage) => boolean): BuiltPage {
  const pages = pagesOfKind(kind);
  const page = (prefer && pages.find(prefer)) ?? pages[0];
  if (!page) throw new Error(`The built site has no ${kind} page yet (looked in ${distDir()}).`);
  return page;
}

export function readPage(page: BuiltPage): string {
  return readFileSync(page.file, 'utf8');
}

/** The `<main>` of the built page at a site path, parsed. */
export async function builtMain(path: string): Promise<HtmlElement> {
  const page = builtPages().find((p) => p.path === path);
  if (!page) throw new Error(`The built site has no page at ${path} (looked in ${distDir()}).`);
  return (await parseHtml(readPage(page))).querySelector('main')!;
}

/** The page kinds every browser check visits one of (blueprint and redprint are both blueprint pages). */
export const browsedKinds: PageKind[] = [
  'home', 'blueprint', 'redprint', 'blueprint-index', 'playbook', 'playbook-index', 'organisation',
  'organisation-index', 'template', 'template-index', 'taxonomy', 'taxonomy-index', 'glossary', 'search', 'contribute', 'about',
  'accessibility', 'privacy', 'open-data', '404', 'my-trust', 'where-to-start', 'we-are-using-this', 'feedback', 'review', 'suggest-a-change',
];

/**
 * The address to visit for an example of a kind. The 404 kind is visited at a missing address,
 * as a reader meets it; a taxonomy example is a value with blueprints under it, when there is one.
 */
export function exampleAddress(kind: PageKind): string {
  if (kind === '404') return '/this-page-does-not-exist/';
  if (kind === 'taxonomy') {
    const withItems = (p: BuiltPage) => p.path.includes('/care-settings/') && /\/blueprints\/[a-z0-9-]+\//.test(readPage(p));
    return onePageOf(kind, withItems).path;
  }
  return onePageOf(kind).path;
}
