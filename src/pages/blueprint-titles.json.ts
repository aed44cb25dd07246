/**
 * What the tailored playbook shows of each matched blueprint: its address, title, publisher, cost
 * band, whether it is an illustrative example and who paid, by slug (`blueprintTitle`). Fetched by /where-to-start/ only once a reader has answered, so the page
 * itself stays small however many blueprints there are. Generated once per build.
 */
import type { APIRoute } from 'astro';
import { getCatalogue } from '../data/catalogue';
import { paths } from '../lib/content/urls';
import { blueprintTitle, type BlueprintTitles } from '../lib/match';
import { url } from '../site';

export const GET: APIRoute = async () => {
  const catalogue = await getCatalogue();
  const titles: BlueprintTitles = Object.fromEntries(
    catalogue.blueprints.map((b) => [b.slug, blueprintTitle(b.data, catalogue.organisation(b.data.organisation)?.data, url(paths.blueprint(b.slug)))]),
  );
  return new Response(JSON.stringify(titles), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
