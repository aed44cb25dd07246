/**
 * The matching data the browser needs, built once per build from validated content: entries and
 * organisations reduced to the short fields scoring reads (no titles or text; the pages carry those).
 */
import type { Blueprint, Organisation, Playbook } from '../schema';
import { costBands, fundingSources, labelOf } from '../schema/taxonomy';
import { isIllustrativeBlueprint } from '../content/illustrative';
import type { MatchOrganisation } from './profile';
import { maturityOfStart, type MatchEntry } from './score';

export interface MatchData {
  entries: MatchEntry[];
  organisations: MatchOrganisation[];
}

type Item<T> = { slug: string; data: T };

/** Term lists sorted and without repeats: one spelling of each entry, which the compact form keeps exactly. */
const sorted = (values: readonly string[]) => [...new Set(values)].sort();

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
      settings: sorted(data.careSettings),
      suppliers: [data.eprSupplier],
      eprAtStart: data.startingPoint.eprInPlace,
      maturity: [maturityOfStart(data.startingPoint)],
      capabilities: sorted(data.capabilities),
      ...(publisher && { region: publisher.region, programme: publisher.programme }),
      funding: sorted(data.funding),
    };
  });
  const playbookEntries: MatchEntry[] = input.playbooks.map(({ slug, data }) => {
    const cited = data.steps.flatMap((s) => s.blueprints).map((b) => bySlug.get(b)).filter((b) => b !== undefined);
    return {
      id: slug,
      kind: 'playbook',
      domain: data.domain,
      settings: sorted(cited.flatMap((b) => b.careSettings)),
      suppliers: sorted(cited.map((b) => b.eprSupplier)),
      maturity: sorted(data.maturity),
      capabilities: sorted(cited.flatMap((b) => b.capabilities)),
    };
  });
  const organisations = input.organisations.map(({ slug, data }): MatchOrganisation => {
    const own = input.blueprints.filter((b) => b.data.organisation === slug);
    const counts = new Map<string, number>();
    for (const b of own) counts.set(b.data.eprSupplier, (counts.get(b.data.eprSupplier) ?? 0) + 1);
    return {
      id: slug,
      setting: data.careSetting,
      region: data.region,
      programme: data.programme,
      suppliers: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s),
      ...(own.length > 0 && { epr: own.some((b) => b.data.startingPoint.eprInPlace) }),
    };
  });
  return { entries: [...blueprintEntries, ...playbookEntries], organisations };
}

/**
 * The form sent to the browser: one array per field, each entry or organisation at the same place in
 * every array, numbers indexing the taxonomy lists and lists of terms as bit masks, so 3,000
 * blueprints stay within the 60 KiB gzipped budget (`npx tsx scripts/bench/match-data.ts`): columns
 * of like numbers compress about a tenth smaller than rows. `decodeMatchData` gives back exactly
 * what was encoded.
 */
export interface CompactMatchData {
  /** Bumped when the layout changes (2: columns instead of rows; who paid instead of the cost band, which nothing read). */
  version: 2;
  /** The term lists the numbers index. */
  terms: Record<CompactList, string[]>;
  /** eprAtStart is 0 no, 1 yes, 2 unknown; region and programme are the index + 1, or 0 for none; funding is 0 for a playbook. */
  entries: Record<'kind' | 'domain' | 'settings' | 'suppliers' | 'eprAtStart' | 'maturity' | 'capabilities' | 'region' | 'programme' | 'funding', number[]> & { id: string[] };
  /** Suppliers are indexes, most named first; epr is 0, 1 or 2 (unknown). Names are on the page. */
  organisations: Record<'setting' | 'region' | 'programme' | 'epr', number[]> & { id: string[]; suppliers: number[][] };
}

type CompactList = 'kinds' | 'domains' | 'settings' | 'suppliers' | 'maturities' | 'capabilities' | 'regions' | 'programmes' | 'funding';

function termsOf(data: MatchData): Record<CompactList, string[]> {
  const collect = (values: (string | undefined)[]) => [...new Set(values.filter((v) => v !== undefined))].sort();
  const { entries: e, organisations: o } = data;
  return {
    kinds: collect(e.map((x) => x.kind)),
    domains: collect(e.map((x) => x.domain)),
    settings: collect([...e.flatMap((x) => x.settings), ...o.map((x) => x.setting)]),
    suppliers: collect([...e.flatMap((x) => x.suppliers), ...o.flatMap((x) => x.suppliers)]),
    maturities: collect(e.flatMap((x) => x.maturity)),
    capabilities: collect(e.flatMap((x) => x.capabilities)),
    regions: collect([...e.map((x) => x.region), ...o.map((x) => x.region)]),
    programmes: collect([...e.map((x) => x.programme), ...o.map((x) => x.programme)]),
    funding: collect(e.flatMap((x) => x.funding ?? [])),
  };
}

export function encodeMatchData(data: MatchData): CompactMatchData {
  const terms = termsOf(data);
  const index = (list: CompactList, value: string) => terms[list].indexOf(value);
  const mask = (list: CompactList, values: string[]) => values.reduce((m, v) => m + 2 ** index(list, v), 0);
  const optional = (list: CompactList, value: string | undefined) => (value === undefined ? 0 : index(list, value) + 1);
  const flag = (value: boolean | undefined) => (value === undefined ? 2 : value ? 1 : 0);
  const e = data.entries;
  const o = data.organisations;
  return {
    version: 2,
    terms,
    entries: {
      id: e.map((x) => x.id),
      kind: e.map((x) => index('kinds', x.kind)),
      domain: e.map((x) => index('domains', x.domain)),
      settings: e.map((x) => mask('settings', x.settings)),
      suppliers: e.map((x) => mask('suppliers', x.suppliers)),
      eprAtStart: e.map((x) => flag(x.eprAtStart)),
      maturity: e.map((x) => mask('maturities', x.maturity)),
      capabilities: e.map((x) => mask('capabilities', x.capabilities)),
      region: e.map((x) => optional('regions', x.region)),
      programme: e.map((x) => optional('programmes', x.programme)),
      funding: e.map((x) => mask('funding', x.funding ?? [])),
    },
    organisations: {
      id: o.map((x) => x.id),
      setting: o.map((x) => index('settings', x.setting)),
      region: o.map((x) => index('regions', x.region)),
      programme: o.map((x) => index('programmes', x.programme)),
      suppliers: o.map((x) => x.suppliers.map((s) => index('suppliers', s))),
      epr: o.map((x) => flag(x.epr)),
    },
  };
}

export function decodeMatchData(compact: CompactMatchData): MatchData {
  const { terms, entries: e, organisations: o } = compact;
  const unmask = (list: CompactList, mask: number) => terms[list].filter((_, i) => Math.floor(mask / 2 ** i) % 2 === 1);
  const optional = (list: CompactList, n: number) => (n === 0 ? undefined : terms[list][n - 1]);
  const flag = (n: number) => (n === 2 ? undefined : n === 1);
  return {
    entries: e.id.map((id, i): MatchEntry => {
      const kind = terms.kinds[e.kind[i]] as MatchEntry['kind'];
      const eprAtStart = flag(e.eprAtStart[i]);
      const region = optional('regions', e.region[i]);
      const programme = optional('programmes', e.programme[i]);
      return {
        id,
        kind,
        domain: terms.domains[e.domain[i]],
        settings: unmask('settings', e.settings[i]),
        suppliers: unmask('suppliers', e.suppliers[i]),
        ...(eprAtStart !== undefined && { eprAtStart }),
        maturity: unmask('maturities', e.maturity[i]),
        capabilities: unmask('capabilities', e.capabilities[i]),
        ...(region && { region }),
        ...(programme && { programme }),
        // Every blueprint says who paid (perhaps no one named); a playbook has no such field.
        ...(kind !== 'playbook' && { funding: unmask('funding', e.funding[i]) }),
      };
    }),
    organisations: o.id.map((id, i): MatchOrganisation => {
      const epr = flag(o.epr[i]);
      return {
        id, setting: terms.settings[o.setting[i]], region: terms.regions[o.region[i]], programme: terms.programmes[o.programme[i]],
        suppliers: o.suppliers[i].map((s) => terms.suppliers[s]),
        ...(epr !== undefined && { epr }),
      };
    }),
  };
}

/**
 * What a page shows of a matched blueprint, by slug: [address, title, type, publisher's short name,
 * cost band label, 1 if it is an illustrative example (a made-up organisation's) else 0, the labels
 * of who paid for it].
 */
export type BlueprintTitles = Record<string, [string, string, 'blueprint' | 'redprint', string, string, 0 | 1, string[]]>;

/** One blueprint's entry in /blueprint-titles.json, with `address` its page's address as served. */
export function blueprintTitle(b: Blueprint, organisation: Organisation | undefined, address: string): BlueprintTitles[string] {
  return [
    address, b.title, b.type, organisation?.shortName ?? organisation?.name ?? '', labelOf(costBands, b.cost.band),
    isIllustrativeBlueprint(b, organisation) ? 1 : 0, b.funding.map((f) => labelOf(fundingSources, f)),
  ];
}
