/** RSS feed of new and updated blueprints: an entry's date is its latest review or publication. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCatalogue } from '../data/catalogue';
import { paths, withBase } from '../lib/content/urls';

export async function GET(context: APIContext) {
  const catalogue = await getCatalogue();
  const items = [...catalogue.blueprints]
    .sort((a, b) => b.data.lastReviewed.getTime() - a.data.lastReviewed.getTime())
    .slice(0, 50)
    .map((b) => ({
      title: `${b.data.type === 'redprint' ? 'Redprint: ' : ''}${b.data.title}`,
      description: b.data.summary,
      pubDate: b.data.lastReviewed,
      link: withBase(import.meta.env.BASE_URL, paths.blueprint(b.slug)),
      categories: [b.data.domain, ...b.data.careSettings],
    }));
  return rss({
    title: 'Blueprint Commons: new and updated blueprints',
    description: 'Blueprints and redprints from NHS organisations, newest and most recently reviewed first.',
    // The channel's link is the home page, which sits under the base path (e.g. /blueprint-commons/).
    site: new URL(import.meta.env.BASE_URL, context.site!).href,
    items,
  });
}
