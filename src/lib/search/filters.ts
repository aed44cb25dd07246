/**
 * The search filters: which facets a reader can narrow search results by, and the values each
 * blueprint or playbook has for them. The same names are used in three places that must agree:
 * the page's data-pagefind-filter attributes, the search page's checkboxes and its URL
 * parameters (?domain=workforce&setting=acute).
 */
import {
  audiences, capabilities, careSettings, contentTypes, domains, facets, pillars, programmeStatuses, standards, suppliers,
  type Blueprint, type Organisation, type Playbook, type Term,
} from '../schema';

export interface SearchFilter {
  /** Filter name in the index and URL parameter name. */
  name: string;
  /** Legend of the filter's fieldset. */
  label: string;
  terms: readonly Term[];
}

export const searchTypes = [...contentTypes, { value: 'playbook', label: 'Playbook', description: 'Curated guidance across organisations for one goal.' }] as const;

export const searchFilters: readonly SearchFilter[] = [
  { name: 'type', label: facets.type.label, terms: searchTypes },
  { name: 'domain', label: facets.domain.label, terms: domains },
  { name: 'setting', label: facets.careSettings.label, terms: careSettings },
  { name: 'pillar', label: facets.pillars.label, terms: pillars },
  { name: 'capability', label: facets.capabilities.label, terms: capabilities },
  { name: 'programme', label: 'Programme of the publishing organisation', terms: programmeStatuses },
  { name: 'supplier', label: facets.eprSupplier.label, terms: suppliers },
  { name: 'standard', label: facets.standards.label, terms: standards },
  { name: 'audience', label: facets.audience.label, terms: audiences },
];

export type FilterValues = Record<string, string[]>;

export function blueprintFilterValues(b: Blueprint, organisation?: Organisation): FilterValues {
  return {
    type: [b.type],
    domain: [b.domain],
    setting: b.careSettings,
    pillar: b.pillars,
    capability: b.capabilities,
    programme: organisation ? [organisation.programme] : [],
    supplier: [b.eprSupplier],
    standard: b.standards,
    audience: b.audience,
  };
}

export function playbookFilterValues(p: Playbook): FilterValues {
  return { type: ['playbook'], domain: [p.domain], audience: p.audience };
}

export type FilterCounts = Record<string, Record<string, number>>;

/** How many entries have each filter value, for the counts the search page shows before a search. */
export function countFilterValues(entries: FilterValues[]): FilterCounts {
  const counts: FilterCounts = Object.fromEntries(searchFilters.map((f) => [f.name, {}]));
  for (const values of entries) {
    for (const [name, list] of Object.entries(values)) {
      for (const v of list) counts[name][v] = (counts[name]?.[v] ?? 0) + 1;
    }
  }
  return counts;
}
