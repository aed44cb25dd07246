/**
 * Builds the DOM for search results. Everything from the index goes in as text, except
 * Pagefind's <mark> highlights in excerpts, which are rebuilt as real elements one by one.
 */
import type { PagefindData } from '../pagefind';
import { bestExcerpt } from '../../lib/search/excerpt';

const tagColour: Record<string, string> = { blueprint: 'nhsuk-tag--blue', redprint: 'nhsuk-tag--red', playbook: 'nhsuk-tag--green', template: 'nhsuk-tag--purple' };

function el<K extends keyof HTMLElementTagNameMap>(name: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "2026-05-11" → "11 May 2026", as the rest of the site writes dates. */
export function formatDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The excerpt as text nodes and <mark> elements only. A <template> parses without running anything. */
function excerpt(html: string): DocumentFragment {
  const parsed = document.createElement('template');
  parsed.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of parsed.content.childNodes) {
    out.append(node.nodeName === 'MARK' ? el('mark', undefined, node.textContent ?? '') : document.createTextNode(node.textContent ?? ''));
  }
  return out;
}

/**
 * One result. Pagefind has already put the site's base path in front of `data.url`
 * (options.baseUrl). With no keyword there is nothing to excerpt around, so the summary is shown;
 * likewise when nothing the page really says matched (see src/lib/search/excerpt.ts, which also
 * explains `names`).
 */
export function resultItem(data: PagefindData, { summary = false, names = [] as string[] } = {}): HTMLLIElement {
  const { meta } = data;
  const type = data.filters.type?.[0] ?? 'blueprint';
  const item = el('li', 'app-search-result');
  const heading = el('h2', 'nhsuk-heading-s nhsuk-u-margin-bottom-2');
  const link = el('a', undefined, meta.title ?? data.url);
  link.href = data.url;
  heading.append(link);

  const byline = el('p', 'nhsuk-body-s nhsuk-u-margin-bottom-2');
  byline.append(el('strong', `nhsuk-tag ${tagColour[type] ?? tagColour.blueprint}`, meta.type ?? type));
  if (meta.organisation) byline.append(` ${meta.organisation}`);
  if (meta.illustrative) byline.append(' ', el('strong', 'nhsuk-tag nhsuk-tag--grey app-illustrative-tag', meta.illustrative));

  const text = el('p', 'nhsuk-body-s nhsuk-u-margin-bottom-2');
  const shown = summary ? undefined : bestExcerpt(data, names);
  if (shown) text.append(excerpt(shown));
  else text.textContent = meta.summary ?? '';

  const facts = el('dl', 'app-search-result__facts nhsuk-body-s nhsuk-u-margin-bottom-0');
  const fact = (label: string, value: string | Node) => {
    const dd = el('dd');
    dd.append(value);
    facts.append(el('dt', undefined, label), dd);
  };
  if (meta.cost) fact('Cost', meta.cost);
  if (meta.outcome) fact('Outcome', meta.evidence ? `${meta.outcome} (${meta.evidence.toLowerCase()})` : meta.outcome);
  if (meta.reviewed) {
    const time = el('time', undefined, formatDate(meta.reviewed));
    time.dateTime = meta.reviewed;
    fact('Last reviewed', time);
  }
  item.append(heading, byline, text, facts);
  return item;
}

/** What the live region says once results are shown. */
export function statusText(count: number, { query, mode, corrected, original }: { query: string; mode: 'all' | 'any' | 'browse'; corrected: boolean; original: string }): string {
  const results = `${count} result${count === 1 ? '' : 's'}`;
  if (mode === 'browse') return `${results} for the filters you chose.`;
  const fixed = corrected ? ` (you searched for ‘${original}’)` : '';
  if (count === 0) return `No results for ‘${query}’${fixed}. Check the spelling, use fewer words or remove some filters.`;
  if (mode === 'any') return `No page has all the words of ‘${query}’${fixed}. ${results} with some of them, best matches first.`;
  return `${results} for ‘${query}’${fixed}.`;
}
