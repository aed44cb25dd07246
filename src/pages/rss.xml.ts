/** RSS feed of new and updated blueprints; the items come from src/lib/content/feed.ts. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCatalogue } from '../data/catalogue';
import { feedItems } from '../lib/content/feed';

export async function GET(context: APIContext) {
  const catalogue = await getCatalogue();
  return rss({
    title: 'Blueprint Commons: new and updated blueprints',
    description: 'Blueprints and redprints from NHS organisations, newest and most recently reviewed first.',
    // The channel's link is the home page, which sits under the base path (e.g. /blueprint-commons/).
    site: new URL(import.meta.env.BASE_URL, context.site!).href,
    items: feedItems(catalogue.blueprints, (slug) => catalogue.organisation(slug)?.data, import.meta.env.BASE_URL),
  });
}
