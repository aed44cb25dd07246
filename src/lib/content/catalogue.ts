/**
 * Everything pages need to know about the whole collection, computed once per build: lookups,
 * sort orders, which blueprints sit under each taxonomy value, and review state. Pages read
 * from this instead of each scanning every blueprint.
 */
import { adoptionStages, facets, isListed, type Adoption, type AdoptionStage, type FacetName, type Blueprint, type Organisation, type Playbook } from '../schema';

export interface Entry<T> {
  slug: string;
  /** Path of the source file, relative to the project root. */
  filePath: string;
  data: T;
}

export interface Catalogue {
  blueprints: Entry<Blueprint>[];
  playbooks: Entry<Playbook>[];
  organisations: Entry<Organisation>[];
  blueprint(slug: string): Entry<Blueprint> | undefined;
  organisation(slug: string): Entry<Organisation> | undefined;
  /** Blueprints filed under one taxonomy value, newest first. */
  byFacet(facet: FacetName, value: string): Entry<Blueprint>[];
  /** Blueprints published by organisations in one national programme (or none), newest first. */
  byProgramme(status: string): Entry<Blueprint>[];
  /** Blueprints published by, or partnered with, an organisation, newest first. */
  byOrganisation(slug: string): Entry<Blueprint>[];
  /** Playbooks whose steps cite a blueprint. */
  playbooksCiting(slug: string): Entry<Playbook>[];
  /** Playbooks filed under one taxonomy value, by title; only the facets in `playbookFacets` have any. */
  playbooksByFacet(facet: FacetName, value: string): Entry<Playbook>[];
  /** Adoption records of a listed blueprint, by known organisations, most recent first. */
  adoptionsOf(blueprint: string): Entry<Adoption>[];
  /** Adoption records an organisation made, of listed blueprints, most recent first. */
  adoptionsBy(organisation: string): Entry<Adoption>[];
  /** Listed blueprints whose `adaptedFrom` names a blueprint, newest first. */
  adaptedInto(blueprint: string): Entry<Blueprint>[];
}

/** How many of a set of adoption records are at each stage, in the stages' order, leaving out none-at-all. */
export function stageCounts(records: readonly Entry<Adoption>[]): { stage: AdoptionStage; label: string; count: number }[] {
  return adoptionStages
    .map((t) => ({ stage: t.value, label: t.label, count: records.filter((r) => r.data.stage === t.value).length }))
    .filter((c) => c.count > 0);
}

/** Most recent stage first, then by organisation, for a stable order. */
function latestFirst(a: Entry<Adoption>, b: Entry<Adoption>): number {
  return b.data.date.localeCompare(a.data.date) || a.data.organisation.localeCompare(b.data.organisation);
}

/** Newest first by published date, then by last review, then by title for a stable order. */
export function newestFirst(a: Entry<Blueprint>, b: Entry<Blueprint>): number {
  return (
    b.data.published.getTime() - a.data.published.getTime() ||
    b.data.lastReviewed.getTime() - a.data.lastReviewed.getTime() ||
    a.data.title.localeCompare(b.data.title)
  );
}

/** A blueprint's title as lists, feeds and links show it: a redprint says so first. */
export function displayTitle(b: Pick<Blueprint, 'type' | 'title'>): string {
  return b.type === 'redprint' ? `Redprint: ${b.title}` : b.title;
}

/**
 * The facets a playbook is filed under as well as blueprints: its `domain` and `audience` take the
 * same terms as a blueprint's. A playbook has no other facet's field.
 */
export const playbookFacets = ['domain', 'audience'] as const satisfies readonly (FacetName & keyof Playbook)[];

export function facetValues(b: Blueprint, facet: FacetName): string[] {
  const value = b[facet];
  return Array.isArray(value) ? value : [value];
}

export function buildCatalogue(input: {
  blueprints: Entry<Blueprint>[];
  playbooks: Entry<Playbook>[];
  organisations: Entry<Organisation>[];
  adoptions?: Entry<Adoption>[];
}): Catalogue {
  const blueprints = input.blueprints.filter((b) => b.data.status !== 'draft').sort(newestFirst);
  const listed = blueprints.filter((b) => isListed(b.data));
  const bySlug = new Map(blueprints.map((b) => [b.slug, b]));
  const orgBySlug = new Map(input.organisations.map((o) => [o.slug, o]));

  const facetIndex = new Map<string, Entry<Blueprint>[]>();
  const orgIndex = new Map<string, Entry<Blueprint>[]>();
  const push = <T>(map: Map<string, T[]>, key: string, item: T) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const b of listed) {
    for (const facet of Object.keys(facets) as FacetName[]) {
      for (const value of facetValues(b.data, facet)) push(facetIndex, `${facet}:${value}`, b);
    }
    for (const org of new Set([b.data.organisation, ...b.data.partners])) push(orgIndex, org, b);
    const publisher = orgBySlug.get(b.data.organisation);
    if (publisher) push(facetIndex, `programme:${publisher.data.programme}`, b);
  }
  const playbooks = [...input.playbooks].sort((a, b) => a.data.title.localeCompare(b.data.title));
  const citing = new Map<string, Entry<Playbook>[]>();
  const playbookFacetIndex = new Map<string, Entry<Playbook>[]>();
  for (const p of playbooks) {
    for (const slug of new Set(p.data.steps.flatMap((s) => s.blueprints))) push(citing, slug, p);
    for (const facet of playbookFacets) {
      for (const value of new Set([p.data[facet]].flat())) push(playbookFacetIndex, `${facet}:${value}`, p);
    }
  }

  // Lineage: only between listed blueprints and known organisations, so every link has a page.
  const listedSlugs = new Set(listed.map((b) => b.slug));
  const adoptionsOf = new Map<string, Entry<Adoption>[]>();
  const adoptionsBy = new Map<string, Entry<Adoption>[]>();
  for (const a of [...(input.adoptions ?? [])].sort(latestFirst)) {
    if (!listedSlugs.has(a.data.blueprint) || !orgBySlug.has(a.data.organisation)) continue;
    push(adoptionsOf, a.data.blueprint, a);
    push(adoptionsBy, a.data.organisation, a);
  }
  const adaptedInto = new Map<string, Entry<Blueprint>[]>();
  for (const b of listed) {
    for (const source of b.data.adaptedFrom) if (listedSlugs.has(source.blueprint)) push(adaptedInto, source.blueprint, b);
  }

  return {
    blueprints: listed,
    playbooks,
    organisations: [...input.organisations].sort((a, b) => a.data.name.localeCompare(b.data.name)),
    blueprint: (slug) => bySlug.get(slug),
    organisation: (slug) => orgBySlug.get(slug),
    byFacet: (facet, value) => facetIndex.get(`${facet}:${value}`) ?? [],
    byProgramme: (status) => facetIndex.get(`programme:${status}`) ?? [],
    byOrganisation: (slug) => orgIndex.get(slug) ?? [],
    playbooksCiting: (slug) => citing.get(slug) ?? [],
    playbooksByFacet: (facet, value) => playbookFacetIndex.get(`${facet}:${value}`) ?? [],
    adoptionsOf: (slug) => adoptionsOf.get(slug) ?? [],
    adoptionsBy: (slug) => adoptionsBy.get(slug) ?? [],
    adaptedInto: (slug) => adaptedInto.get(slug) ?? [],
  };
}

/** Review state for the "may be out of date" banner, after the GOV.UK tech-docs pattern. */
export function reviewState(data: { reviewBy: Date; status?: string }, today: Date): 'current' | 'overdue' | 'archived' {
  if (data.status === 'archived') return 'archived';
  if (data.status === 'needs-review' || data.reviewBy.getTime() < today.getTime()) return 'overdue';
  return 'current';
}

/** One formatter for the whole build: toLocaleDateString builds a new one per call (~50× slower, seconds over 1,000 blueprints). */
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * Each date is formatted once per build: a catalogue's few thousand dates appear in tens of
 * thousands of list rows (format calls took ~0.6 s over 3,000 blueprints).
 */
function onceEach(format: (d: Date) => string): (d: Date) => string {
  const done = new Map<number, string>();
  return (d) => {
    const key = d.getTime();
    let text = done.get(key);
    if (text === undefined) done.set(key, (text = format(d)));
    return text;
  };
}

export const formatDate = onceEach((d) => longDate.format(d));

export const isoDate = onceEach((d) => d.toISOString().slice(0, 10));

const longMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A month written YYYY-MM (an adoption's date) as readers see it: "March 2025". */
export function formatMonth(month: string): string {
  return longMonth.format(new Date(`${month}-01T00:00:00Z`));
}

/** An adoption's stage and month as a reader sees them: "Live since March 2025", "Abandoned in May 2025". */
export function adoptionStatus(record: Pick<Adoption, 'stage' | 'date'>): string {
  const label = adoptionStages.find((t) => t.value === record.stage)?.label ?? record.stage;
  return `${label} ${record.stage === 'abandoned' ? 'in' : 'since'} ${formatMonth(record.date)}`;
}
