/**
 * Checks every reference in the built site without a network: links, fragment anchors, scripts,
 * styles, images, icons, the sitemap and feed, and url()s inside stylesheets. External addresses
 * are counted, never fetched.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { attr, decodeEntities, parseHtml, type HtmlElement } from './html';
import { builtFiles, builtPages } from './pages';
import { basePath, distDir, served, unserved } from './site-dir';

export interface LinkProblem {
  /** Site path of the page or file holding the reference. */
  from: string;
  /** The reference as written. */
  ref: string;
  /** What holds it, e.g. `<a> "Contribute"` or `stylesheet url()`. */
  holder: string;
  problem: string;
}

export interface LinkReport {
  problems: LinkProblem[];
  internal: number;
  external: number;
}

/** The site's own origin, as astro.config.mjs reads it; absolute links to it are internal. */
export function siteOrigin(): string {
  return new URL(process.env.SITE_URL ?? 'http://127.0.0.1:4321').origin;
}

const attributes: [selector: string, name: string][] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['iframe[src]', 'src'],
  ['source[src]', 'src'],
  ['video[src]', 'src'],
  ['video[poster]', 'poster'],
  ['audio[src]', 'src'],
  ['track[src]', 'src'],
  ['embed[src]', 'src'],
  ['object[data]', 'data'],
  ['form[action]', 'action'],
  ['meta[property="og:image"]', 'content'],
  ['meta[property="og:url"]', 'content'],
];

/** Schemes that are not web addresses to check. */
const ignoredScheme = /^(mailto|tel|sms|javascript|data|blob|about):/i;

function describe(element: HtmlElement): string {
  const text = decodeEntities(element.textContent).replace(/\s+/g, ' ').trim();
  return text ? `<${element.tagName}> "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"` : `<${element.tagName}>`;
}

function refsOf(root: HtmlElement): { ref: string; holder: string }[] {
  const refs: { ref: string; holder: string }[] = [];
  for (const [selector, name] of attributes) {
    for (const element of root.querySelectorAll(selector)) {
      const value = attr(element, name);
      if (value !== undefined) refs.push({ ref: value.trim(), holder: describe(element) });
    }
  }
  for (const element of root.querySelectorAll('img[srcset], source[srcset]')) {
    for (const candidate of (attr(element, 'srcset') ?? '').split(',')) {
      const ref = candidate.trim().split(/\s+/)[0];
      if (ref) refs.push({ ref, holder: `${describe(element)} srcset` });
    }
  }
  return refs;
}

function idsOf(root: HtmlElement): Set<string> {
  const ids = new Set<string>();
  for (const element of root.querySelectorAll('[id]')) ids.add(attr(element, 'id') ?? '');
  for (const element of root.querySelectorAll('a[name]')) ids.add(attr(element, 'name') ?? '');
  return ids;
}

function kindOfPath(file: string): 'file' | 'dir' | 'missing' {
  try {
    return statSync(file).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'missing';
  }
}

export async function checkLinks(root = distDir(), base = basePath()): Promise<LinkReport> {
  const origin = siteOrigin();
  const problems: LinkProblem[] = [];
  let internal = 0;
  let external = 0;

  // 1. Read every page once: its references and the ids a fragment may point at.
  const ids = new Map<string, Set<string>>();
  const references: { from: string; ref: string; holder: string; fragments: boolean }[] = [];
  for (const page of builtPages(root)) {
    const dom = await parseHtml(readFileSync(page.file, 'utf8'));
    ids.set(page.path, idsOf(dom));
    for (const r of refsOf(dom)) references.push({ from: page.path, ...r, fragments: true });
  }

  // 2. The sitemap, the feed and stylesheets refer to pages and files too.
  for (const file of builtFiles(root)) {
    const from = `/${file}`;
    if (/(^|\/)(sitemap[^/]*|rss)\.xml$/.test(file)) {
      const xml = readFileSync(join(root, file), 'utf8');
      for (const m of xml.matchAll(/<(loc|link|guid)(?:\s[^>]*)?>\s*([^<\s]+)\s*<\/\1>/g)) {
        references.push({ from, ref: m[2].replaceAll('&amp;', '&'), holder: `${file.includes('rss') ? 'feed' : 'sitemap'} <${m[1]}>`, fragments: false });
      }
    } else if (file.endsWith('.css')) {
      const css = readFileSync(join(root, file), 'utf8');
      for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)) {
        references.push({ from, ref: m[2] ?? m[4], holder: 'stylesheet url()', fragments: false });
      }
    }
  }

  // 3. Resolve each reference as the browser would, from where its page is served.
  for (const { from, ref, holder, fragments } of references) {
    if (!ref || ignoredScheme.test(ref) || (ref.startsWith('#') && !fragments)) continue;
    const report = (problem: string) => problems.push({ from, ref, holder, problem });
    let target: URL;
    try {
      target = new URL(ref, origin + served(from));
    } catch {
      report('is not a valid address');
      continue;
    }
    if (target.origin !== origin) {
      if (!/^https?:$/.test(target.protocol)) report(`uses the ${target.protocol} scheme`);
      external++;
      continue;
    }
    internal++;
    let pathname: string;
    try {
      pathname = decodeURIComponent(target.pathname);
    } catch {
      report('has a badly encoded path');
      continue;
    }
    const sitePath = unserved(pathname, base);
    if (sitePath === undefined) {
      report(`points outside the base path ${base}${holder.startsWith('<') ? ': build it with url() from src/site.ts' : ''}`);
      continue;
    }
    const file = join(root, sitePath);
    const kind = kindOfPath(file);
    let page: string | undefined;
    if (sitePath.endsWith('/')) {
      if (!existsSync(join(file, 'index.html'))) {
        report('points to a page that does not exist');
        continue;
      }
      page = sitePath;
    } else if (kind === 'dir') {
      report('points to a folder without its trailing slash (the site uses trailingSlash: "always")');
      continue;
    } else if (kind === 'missing') {
      report('points to a file that does not exist');
      continue;
    } else if (sitePath.endsWith('.html')) page = sitePath;

    const fragment = target.hash.slice(1);
    if (!fragments || !fragment || !page || fragment === 'top' || fragment.startsWith(':~:')) continue;
    const anchor = decodeURIComponent(fragment);
    if (!ids.get(page)?.has(anchor)) report(`points to #${anchor}, but ${page} has no element with that id`);
  }
  return { problems, internal, external };
}

/** One line per broken target, with how many places refer to it, so a broken footer link is one line. */
export function formatLinkProblems(problems: LinkProblem[]): string {
  const groups = new Map<string, LinkProblem[]>();
  for (const p of problems) {
    const key = `${p.ref}  ${p.problem}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()]
    .map(([key, list]) => {
      const examples = list.slice(0, 3).map((p) => `${p.from} ${p.holder}`).join('; ');
      return `${key}\n    from ${list.length} place(s), e.g. ${examples}`;
    })
    .join('\n');
}
