/**
 * One taxonomy value's feed (e.g. /care-settings/acute/rss.xml): its blueprints and redprints,
 * newest or most recently reviewed first, so a trust can follow one topic in a feed reader,
 * Outlook or a Teams channel. Items as in the site's feed (src/lib/content/feed.ts).
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCatalogue } from '../../../data/catalogue';
import { feedItems } from '../../../lib/content/feed';
import { termPageRoutes, type TermPage } from '../../../lib/content/taxonomy-pages';
import { withBase } from '../../../lib/content/urls';
import { inSentence } from '../../../lib/schema/taxonomy';
import { site } from '../../../site';

export async function getStaticPaths() {
  const catalogue = await getCatalogue();
  return termPageRoutes(catalogue)
    .filter((r) => r.page === 1)
    .map(({ facet, value, termPage }) => ({ params: { facet, value }, props: { termPage } }));
}

export async function GET(context: APIContext) {
  const { group, term, items, termPath } = context.props.termPage as TermPage;
  const catalogue = await getCatalogue();
  return rss({
    title: `${site.name}: ${inSentence(group.label)}: ${term.label}`,
    description: `New and updated blueprints and redprints filed under ${term.label}.`,
    // The channel's link is the list page, under the base path (e.g. /blueprint-commons/).
    site: new URL(withBase(import.meta.env.BASE_URL, termPath), context.site!).href,
    items: feedItems(items, (slug) => catalogue.organisation(slug)?.data, import.meta.env.BASE_URL),
  });
}
