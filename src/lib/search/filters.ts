/**
 * The search filters: which facets a reader can narrow search results by, and the values each
 * blueprint or playbook has for them. The same names are used in three places that must agree:
 * the page's data-pagefind-filter attributes, the search page's checkboxes and its URL
 * parameters (?domain=workforce&setting=acute).
 */
import { facetValues } from '../content/catalogue';
import { contentTypes, facets, programmeStatuses, type Blueprint, type FacetName, type Organisation, type Playbook, type Template, type Term } from '../schema';

export interface SearchFilter {
  /** Filter name in the index and URL parameter name. */
  name: string;
  /** Legend of the filter's fieldset. */
  label: string;
  terms: readonly Term[];
}

export const searchTypes = [
  ...contentTypes,
  { value: 'playbook', label: 'Playbook', description: 'Curated guidance across organisations for one goal.' },
  { value: 'template', label: 'Template', description: 'A document or register to download and adapt.' },
] as const;

/** The one filter that is not a facet of the blueprint itself, but of its publisher. */
const programme: SearchFilter = { name: 'programme', label: 'Programme of the publishing organisation', terms: programmeStatuses };

/** The filters in the order the search page shows them: the facets, with the publisher's programme among them. */
const order: readonly (FacetName | 'programme')[] = ['type', 'domain', 'careSettings', 'pillars', 'capabilities', 'programme', 'funding', 'eprSupplier', 'standards', 'audience'];

export const searchFilters: readonly SearchFilter[] = order.map((id) =>
  id === 'programme' ? programme : { name: facets[id].filter, label: facets[id].label, terms: id === 'type' ? searchTypes : facets[id].terms },
);

export type FilterValues = Record<string, string[]>;

export function blueprintFilterValues(b: Blueprint, organisation?: Organisation): FilterValues {
  const values: FilterValues = Object.fromEntries(
    order.map((id) => (id === 'programme' ? [programme.name, organisation ? [organisation.programme] : []] : [facets[id].filter, facetValues(b, id)])),
  );
  return values;
}

export function playbookFilterValues(p: Playbook): FilterValues {
  return { [facets.type.filter]: ['playbook'], [facets.domain.filter]: [p.domain], [facets.audience.filter]: p.audience };
}

export function templateFilterValues(t: Template): FilterValues {
  return { [facets.type.filter]: ['template'], [facets.audience.filter]: t.audience };
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
