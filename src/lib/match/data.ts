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
 * The form sent to the browser: each entry a row of numbers indexing the taxonomy lists, and
 * lists of terms as bit masks, so 3,000 blueprints stay within the 60 KiB gzipped budget
 * (`npx tsx scripts/bench/match-data.ts`). `decodeMatchData` gives back exactly what was encoded.
 */
export interface CompactMatchData {
  /**
   * Bumped when the row layout changes. 2: who paid, instead of the cost band (which nothing read),
   * and kind, start and maturity in one number, which keeps 3,000 blueprints within the budget.
   */
  version: 2;
  /** The term lists the numbers index, in the order the rows use. */
  terms: Record<CompactList, string[]>;
  /**
   * [id, (kind × 3 + eprAtStart) × 2^(number of maturities) + maturity mask, domain, settings mask, suppliers mask,
   * capabilities mask, region + 1 or 0, programme + 1 or 0, funding mask (0 for a playbook)]; eprAtStart is 0 no, 1 yes,
   * 2 unknown. Kind, start and maturity go together, so far fewer distinct numbers, and gzip does better.
   */
  entries: (string | number)[][];
  /** [id, setting, region, programme, suppliers (indexes, most named first), epr (0, 1, 2 unknown)]; names are on the page. */
  organisations: (string | number | number[])[][];
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
  return {
    version: 2,
    terms,
    entries: data.entries.map((e) => [
      e.id, (index('kinds', e.kind) * 3 + flag(e.eprAtStart)) * 2 ** terms.maturities.length + mask('maturities', e.maturity),
      index('domains', e.domain), mask('settings', e.settings), mask('suppliers', e.suppliers), mask('capabilities', e.capabilities),
      optional('regions', e.region), optional('programmes', e.programme), mask('funding', e.funding ?? []),
    ]),
    organisations: data.organisations.map((o) => [o.id, index('settings', o.setting), index('regions', o.region), index('programmes', o.programme), o.suppliers.map((s) => index('suppliers', s)), flag(o.epr)]),
  };
}

export function decodeMatchData(compact: CompactMatchData): MatchData {
  const { terms } = compact;
  const unmask = (list: CompactList, mask: number) => terms[list].filter((_, i) => Math.floor(mask / 2 ** i) % 2 === 1);
  const optional = (list: CompactList, n: number) => (n === 0 ? {} : { [list]: terms[list][n - 1] });
  const flag = (n: number) => (n === 2 ? undefined : n === 1);
  return {
    entries: compact.entries.map((row) => {
      const [id, start, domain, settings, suppliers, capabilities, region, programme, funding] = row as [string, ...number[]];
      const maturities = 2 ** terms.maturities.length;
      const kind = Math.floor(start / maturities / 3);
      const eprAtStart = flag(Math.floor(start / maturities) % 3);
      const maturity = start % maturities;
      const o = { ...optional('regions', region), ...optional('programmes', programme) } as Record<string, string>;
      return {
        id,
        kind: terms.kinds[kind] as MatchEntry['kind'],
        domain: terms.domains[domain],
        settings: unmask('settings', settings),
        suppliers: unmask('suppliers', suppliers),
        ...(eprAtStart !== undefined && { eprAtStart }),
        maturity: unmask('maturities', maturity),
        capabilities: unmask('capabilities', capabilities),
        ...(o.regions && { region: o.regions }),
        ...(o.programmes && { programme: o.programmes }),
        // Every blueprint says who paid (perhaps no one named); a playbook has no such field.
        ...(terms.kinds[kind] !== 'playbook' && { funding: unmask('funding', funding) }),
      };
    }),
    organisations: compact.organisations.map((row) => {
      const [id, setting, region, programme, suppliers, epr] = row as [string, number, number, number, number[], number];
      const has = flag(epr);
      return {
        id, setting: terms.settings[setting], region: terms.regions[region], programme: terms.programmes[programme],
        suppliers: suppliers.map((s) => terms.suppliers[s]),
        ...(has !== undefined && { epr: has }),
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
