/**
 * What the tailored playbook shows of each matched blueprint: its address, title, publisher, cost
 * band and whether it is an illustrative example, by slug. Fetched by /where-to-start/ only once a reader has answered, so the page
 * itself stays small however many blueprints there are. Generated once per build.
 */
import type { APIRoute } from 'astro';
import { getCatalogue } from '../data/catalogue';
import { isIllustrativeBlueprint } from '../lib/content/illustrative';
import { paths } from '../lib/content/urls';
import { costBands, labelOf } from '../lib/schema';
import type { BlueprintTitles } from '../lib/match';
import { url } from '../site';

export const GET: APIRoute = async () => {
  const catalogue = await getCatalogue();
  const titles: BlueprintTitles = Object.fromEntries(
    catalogue.blueprints.map((b) => {
      const org = catalogue.organisation(b.data.organisation)?.data;
      const illustrative = isIllustrativeBlueprint(b.data, org) ? 1 : 0;
      return [b.slug, [url(paths.blueprint(b.slug)), b.data.title, b.data.type, org?.shortName ?? org?.name ?? '', labelOf(costBands, b.data.cost.band), illustrative]];
    }),
  );
  return new Response(JSON.stringify(titles), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
