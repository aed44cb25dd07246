/**
 * Slugs for new content made from a title (the issue form), and for branch names. The same
 * title always gives the same slug, so re-running finds the same branch and pull request.
 */

/** Lower-case words joined by hyphens, cut at a word boundary to at most `max` characters. */
export function slugify(text: string, max = 60): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/£/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  return slug || words[0]?.slice(0, max) || 'untitled';
}
