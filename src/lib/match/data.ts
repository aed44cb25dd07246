/**
 * The matching data the browser needs, built once per build from validated content: entries and
 * organisations reduced to the short fields scoring reads (no titles or text; the pages carry those).
 */
import type { Blueprint, Organisation, Playbook } from '../schema';
import type { MatchOrganisation } from './profile';
import { maturityOfStart, type MatchEntry } from './score';

export interface MatchData {
  entries: MatchEntry[];
  organisations: MatchOrganisation[];
}

type Item<T> = { slug: string; data: T };

/** `blueprints` in the order the site lists them (newest first): ties keep this order. */
export function buildMatchData(input: { blueprints: Item<Blueprint>[]; playbooks: Item<Playbook>[]; organisations: Item<Organisation>[] }): MatchData {
  const orgs = new Map(input.organisations.map((o) => [o.slug, o.data]));
  const bySlug = new Map(input.blueprints.map((b) => [b.slug, b.data]));
  const blueprintEntries: MatchEntry[] = input.blueprints.map(({ slug, data }) => {
    const publisher = orgs.get(data.organisation);
    return {
      id: slug,
      kind: data.type,
      domain: data.domain,
      settings: data.careSettings,
      suppliers: [data.eprSupplier],
      eprAtStart: data.startingPoint.eprInPlace,
      maturity: [maturityOfStart(data.startingPoint)],
      capabilities: data.capabilities,
      ...(publisher && { region: publisher.region, programme: publisher.programme }),
      cost: data.cost.band,
    };
  });
  const playbookEntries: MatchEntry[] = input.playbooks.map(({ slug, data }) => {
    const cited = data.steps.flatMap((s) => s.blueprints).map((b) => bySlug.get(b)).filter((b) => b !== undefined);
    return {
      id: slug,
      kind: 'playbook',
      domain: data.domain,
      settings: [...new Set(cited.flatMap((b) => b.careSettings))],
      suppliers: [...new Set(cited.map((b) => b.eprSupplier))],
      maturity: data.maturity,
      capabilities: [...new Set(cited.flatMap((b) => b.capabilities))],
    };
  });
  const organisations = input.organisations.map(({ slug, data }): MatchOrganisation => {
    const own = input.blueprints.filter((b) => b.data.organisation === slug);
    const counts = new Map<string, number>();
    for (const b of own) counts.set(b.data.eprSupplier, (counts.get(b.data.eprSupplier) ?? 0) + 1);
    return {
      id: slug,
      name: data.shortName ?? data.name,
      setting: data.careSetting,
      region: data.region,
      programme: data.programme,
      suppliers: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s),
      ...(own.length > 0 && { epr: own.some((b) => b.data.startingPoint.eprInPlace) }),
    };
  });
  return { entries: [...blueprintEntries, ...playbookEntries], organisations };
}
