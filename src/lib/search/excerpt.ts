/**
 * Which excerpt a search result shows. Pagefind makes one excerpt for the whole page and one for
 * each section under a heading with an id (its sub-results). The synonyms added at index time sit
 * in their own section and match many queries densely, so the whole-page excerpt can be a list of
 * synonyms; a section of what the page really says is shown instead, or nothing (and the caller
 * shows the summary) when only the synonyms matched.
 */
import { synonymsSectionId } from './also-known-as';

export interface Excerpted {
  excerpt: string;
  sub_results?: { url: string; excerpt: string }[];
}

const marks = (html: string) => html.split('<mark>').length - 1;

export function bestExcerpt(data: Excerpted): string | undefined {
  const sections = data.sub_results ?? [];
  if (sections.length === 0) return marks(data.excerpt) > 0 ? data.excerpt : undefined;
  const real = sections.filter((s) => !s.url.endsWith(`#${synonymsSectionId}`) && marks(s.excerpt) > 0);
  if (real.length === 0) return undefined;
  return real.reduce((best, s) => (marks(s.excerpt) > marks(best.excerpt) ? s : best)).excerpt;
}
