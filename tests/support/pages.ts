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

export const pageKinds = [
  'home', 'blueprint', 'redprint', 'blueprint-index', 'playbook', 'playbook-index', 'organisation',
  'organisation-index', 'taxonomy', 'taxonomy-index', 'glossary', 'search', 'contribute', 'about',
  'accessibility', '404', 'other',
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
  [paths.glossary()]: 'glossary',
  [paths.search()]: 'search',
  [paths.contribute()]: 'contribute',
  [paths.about()]: 'about',
  [paths.accessibility()]: 'accessibility',
  '/404.html': '404',
};

/** The kind of page at a site path. */
export function kindOf(path: string): PageKind {
  if (fixed[path]) return fixed[path];
  const [first, second, ...rest] = path.split('/').filter(Boolean);
  if (rest.length || !path.endsWith('/')) return 'other';
  if (second && `/${first}/${second}/` === paths.blueprint(second)) {
    const entry = expectedContent().blueprints.find((b) => b.slug === second);
    return entry?.data.type === 'redprint' ? 'redprint' : 'blueprint';
  }
  if (second && `/${first}/${second}/` === paths.playbook(second)) return 'playbook';
  if (second && `/${first}/${second}/` === paths.organisation(second)) return 'organisation';
  const facet = Object.values(facets).find((f) => f.path === first);
  if (facet) return second ? 'taxonomy' : 'taxonomy-index';
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
