/**
 * Whether two titles are about the same work, from their words alone. The drafting form asks
 * Pagefind for candidates as the author types a title (the index holds no vectors, so
 * ./similar.ts cannot run there) and keeps only the plausible ones with this.
 */
import { slugify } from '../contribute/slug';

const stopWords = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'how', 'in', 'into', 'of', 'on', 'or', 'our', 'the', 'to', 'we', 'what', 'with',
]);

/** The words of a title that carry its meaning, crudely stemmed so "moving" meets "move". */
function keyWords(text: string): Set<string> {
  return new Set(
    slugify(text, 1000)
      .split('-')
      .filter((w) => w.length > 2 && !stopWords.has(w))
      .map((w) => w.replace(/(ing|ed|es|s|e)$/, '')),
  );
}

/**
 * Whether another page's title is close to the draft's: they share at least two key words, and
 * those are at least 40% of the draft title's.
 */
export function isSimilarTitle(draftTitle: string, otherTitle: string): boolean {
  const mine = keyWords(draftTitle);
  const theirs = keyWords(otherTitle);
  const shared = [...mine].filter((w) => theirs.has(w)).length;
  return shared >= 2 && shared / mine.size >= 0.4;
}
