/**
 * What the Pagefind step does to each built page before indexing it, as pure functions over
 * the HTML text. The served page is never changed: synonyms are added to the copy Pagefind
 * reads, so they cost readers nothing.
 */
import type { Synonyms } from './synonyms';

/** Marks an entry SearchData says to keep out of search (archived). */
export const excludeAttribute = 'data-search-exclude';

const bodyOpening = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-body(?:[\s=/][^>]*)?>/i;

/** True when a page has a body marked for Pagefind and has not asked to be left out. */
export function isIndexable(html: string): boolean {
  return bodyOpening.test(html) && !html.includes(excludeAttribute);
}

/** Where the element marked data-pagefind-body opens and closes, counting nested tags of its name. */
function bodyRange(html: string): { open: number; inner: number; close: number } | undefined {
  const m = bodyOpening.exec(html);
  if (!m) return undefined;
  const name = m[1].toLowerCase();
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tags.lastIndex = m.index + m[0].length;
  let depth = 1;
  for (let t = tags.exec(html); t; t = tags.exec(html)) {
    depth += t[1] ? -1 : 1;
    if (depth === 0) return { open: m.index, inner: m.index + m[0].length, close: t.index };
  }
  return { open: m.index, inner: m.index + m[0].length, close: html.length };
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** The text of the indexed part of a page, roughly as Pagefind reads it, for finding synonyms. */
export function indexedText(html: string): string {
  const range = bodyRange(html);
  if (!range) return '';
  return html
    .slice(range.inner, range.close)
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#?\w+);/g, (whole, name: string) => entities[name.toLowerCase()] ?? (name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : whole))
    .replace(/\s+/g, ' ');
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The id of the section that holds a page's synonyms; the search page never shows it as an excerpt. */
export const synonymsSectionId = 'search-synonyms';

/**
 * The page with, at the end of its indexed body, every member of each synonym group it
 * mentions. A group mentioned often is weighted up (Pagefind's data-pagefind-weight), so a page
 * about ePMA ranks for "electronic prescribing" as a page that says "electronic prescribing" would.
 * The synonyms sit under their own heading with an id, so Pagefind gives them their own sub-result
 * and the search page can show an excerpt of what the page really says.
 */
export function withSynonyms(html: string, synonyms: Synonyms): string {
  const range = bodyRange(html);
  if (!range) return html;
  const mentioned = synonyms.mentioned(indexedText(html));
  if (mentioned.length === 0) return html;
  const lines = mentioned.map(({ group, count }) => `<p data-pagefind-weight="${Math.min(3, count)}">${escape(group.join(', '))}.</p>`);
  return `${html.slice(0, range.close)}<section data-search-synonyms><h2 id="${synonymsSectionId}">Also known as</h2>${lines.join('')}</section>${html.slice(range.close)}`;
}
