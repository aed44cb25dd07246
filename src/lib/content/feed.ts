/**
 * The RSS feed's items, built from the catalogue. Feed readers render an item's `description` as
 * HTML (RSS 2.0 lets it carry entity-encoded markup), so a summary, which is plain text written by
 * a contributor, is escaped for HTML here; @astrojs/rss then escapes the result again for XML.
 * Without the first step a summary containing `<img onerror=…>` reached readers as markup.
 * https://www.rssboard.org/rss-specification#hrelementsOfLtitemgt
 */
import type { Blueprint, Organisation } from '../schema';
import { displayTitle, type Entry } from './catalogue';
import { isIllustrativeBlueprint, labelledSummary } from './illustrative';
import { paths, withBase } from './urls';

/** Most recent items in the feed. */
export const feedLength = 50;

export interface FeedItem {
  title: string;
  /** HTML: escaped text only, never markup from content. */
  description: string;
  pubDate: Date;
  link: string;
  categories: string[];
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text made safe to place in HTML, in element content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c]);
}

export function feedItems(
  blueprints: readonly Entry<Blueprint>[],
  organisation: (slug: string) => Organisation | undefined,
  base: string,
): FeedItem[] {
  return [...blueprints]
    // An entry's date is its latest review or publication, so a reviewed blueprint comes back to the top.
    .sort((a, b) => b.data.lastReviewed.getTime() - a.data.lastReviewed.getTime())
    .slice(0, feedLength)
    .map((b) => {
      const illustrative = isIllustrativeBlueprint(b.data, organisation(b.data.organisation));
      return {
        title: displayTitle(b.data),
        description: escapeHtml(labelledSummary(b.data.summary, illustrative)),
        pubDate: b.data.lastReviewed,
        link: withBase(base, paths.blueprint(b.slug)),
        categories: [b.data.domain, ...b.data.careSettings, ...(illustrative ? ['illustrative'] : [])],
      };
    });
}
