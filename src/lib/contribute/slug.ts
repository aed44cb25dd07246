/**
 * Slugs for new content made from a title (the drafting form, the issue form, `npm run new`),
 * and for branch names. The same title always gives the same slug, so re-running finds the same
 * branch and pull request.
 */

/** Lower-case Latin words and digits joined by hyphens, cut at a word boundary to at most `max` characters; empty when there are none. */
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
  return slug || words[0]?.slice(0, max) || '';
}

/** Seven base-36 characters that stand for `text` (FNV-1a, 32 bits): stable, not secret. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/**
 * The slug for a new entry's title: its words, or, when it has no Latin letters or digits to
 * make one from (a Chinese or emoji-only title), `<prefix>-<hash of the title>`, so two such
 * titles never share a file. `prefix` says where it came from, e.g. `issue-12`.
 */
export function slugForTitle(title: string, prefix: string, max = 60): string {
  return slugify(title, max) || `${prefix}-${shortHash(title.trim())}`;
}
