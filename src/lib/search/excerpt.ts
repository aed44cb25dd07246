/**
 * Which excerpt a search result shows. Pagefind makes one excerpt for the whole page and one for
 * each section under a heading with an id (its sub-results), marking the words it matched. A
 * synonym group is searched for by its token (./synonym-tokens.ts), which only the page's hidden
 * tokens section holds, so for a query that names a group the excerpt is made here instead, from
 * the page's text around the first name of the group it uses. Otherwise Pagefind's best section is
 * shown; or nothing (the caller shows the summary) when nothing the page really says matched.
 */
import { phraseKey, stripPlural } from './synonyms';
import { synonymsSectionId } from './synonym-tokens';

export interface Excerpted {
  excerpt: string;
  sub_results?: { url: string; excerpt: string }[];
  /** The page's indexed text, for an excerpt made here. */
  content?: string;
  meta?: { title?: string };
}

const marks = (html: string) => html.split('<mark>').length - 1;

/**
 * `names`: phrase keys of what the query named ("electronic prescribing", "epma"), found in the
 * page's text whatever their case, a plural last word included.
 */
export function bestExcerpt(data: Excerpted, names: readonly string[] = []): string | undefined {
  if (names.length && data.content) {
    // The result's heading is the title, which the text opens with (after the type tag): excerpt what follows.
    const title = data.meta?.title ?? '';
    const at = title ? data.content.indexOf(title) : -1;
    const text = at >= 0 && at < 100 ? data.content.slice(at + title.length).replace(/^[\s.]+/, '') : data.content;
    const own = excerptAround(text, names);
    if (own) return own;
  }
  const sections = data.sub_results ?? [];
  if (sections.length === 0) return marks(data.excerpt) > 0 ? data.excerpt : undefined;
  const real = sections.filter((s) => !s.url.endsWith(`#${synonymsSectionId}`) && marks(s.excerpt) > 0);
  if (real.length === 0) return undefined;
  return real.reduce((best, s) => (marks(s.excerpt) > marks(best.excerpt) ? s : best)).excerpt;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** About as long as Pagefind's own excerpts: 30 words, starting a few before the first match. */
const excerptWords = 30;
const before = 8;

/** An excerpt of `text` around the first of `names` it holds, each name it holds marked; undefined when it holds none. */
export function excerptAround(text: string, names: readonly string[]): string | undefined {
  const typed = text.split(/\s+/).filter(Boolean);
  const keys = typed.map(phraseKey);
  // Longest first, so "electronic prescribing and medicines administration" is marked whole.
  const wanted = names.map((n) => n.split(' ')).sort((a, b) => b.length - a.length);
  // How many typed words starting at i make one of the names, or 0.
  const matchAt = (i: number): number => {
    for (const name of wanted) {
      let j = i;
      let w = 0;
      for (; w < name.length && j < keys.length; j++) {
        const parts = keys[j] ? keys[j].split(' ') : [];
        const fits = parts.every((p, k) => {
          const expected = name[w + k];
          const last = w + k === name.length - 1;
          return p === expected || (last && stripPlural(p).includes(expected));
        });
        if (!parts.length || !fits || w + parts.length > name.length) break;
        w += parts.length;
      }
      if (w === name.length) return j - i;
    }
    return 0;
  };
  const found: [number, number][] = [];
  for (let i = 0; i < typed.length; i++) {
    const n = matchAt(i);
    if (n) {
      found.push([i, n]);
      i += n - 1;
    }
  }
  if (!found.length) return undefined;
  const start = Math.max(0, found[0][0] - before);
  const end = Math.min(typed.length, start + excerptWords);
  const out: string[] = [];
  for (let i = start; i < end; i++) {
    const hit = found.find(([at]) => at === i);
    if (hit) {
      out.push(`<mark>${escape(typed.slice(i, i + hit[1]).join(' '))}</mark>`);
      i += hit[1] - 1;
    } else out.push(escape(typed[i]));
  }
  return out.join(' ');
}
