/**
 * The list pages for every taxonomy value (e.g. /care-settings/acute/) and every national
 * programme status, worked out once from the catalogue. Values with no blueprints still get a
 * page, so a link to one never breaks; it says there is nothing yet and how to contribute.
 */
import { facets, programmeStatuses, type Blueprint, type FacetName, type Playbook, type Term } from '../schema';
import type { Catalogue, Entry } from './catalogue';
import { pagePath, paginate, type Page } from './paginate';
import { paths } from './urls';

export interface TermGroup {
  label: string;
  /** Site path of the group's page, e.g. /care-settings/. */
  path: string;
  terms: { term: Term; path: string; items: Entry<Blueprint>[]; playbooks: Entry<Playbook>[] }[];
}

export interface TermPage {
  group: TermGroup;
  term: Term;
  count: number;
  /** Every blueprint under the term, newest first, for the evidence roll-up on its first page. */
  items: Entry<Blueprint>[];
  /** Playbooks filed under the term, by title (domains and audiences only), for its first page. */
  playbooks: Entry<Playbook>[];
  page: Page<Entry<Blueprint>>;
  /** Site path of this page of the list. */
  path: string;
  /** Site path of the list's first page, e.g. /care-settings/acute/. */
  termPath: string;
}

export function termGroups(catalogue: Catalogue): TermGroup[] {
  const groups: TermGroup[] = (Object.keys(facets) as FacetName[]).map((f) => ({
    label: facets[f].label,
    path: paths.facet(f),
    terms: facets[f].terms.map((term) => ({ term, path: paths.facetValue(f, term.value), items: catalogue.byFacet(f, term.value), playbooks: catalogue.playbooksByFacet(f, term.value) })),
  }));
  groups.push({
    label: 'National programme',
    path: paths.programmes(),
    terms: programmeStatuses.map((term) => ({ term, path: paths.programme(term.value), items: catalogue.byProgramme(term.value), playbooks: [] })),
  });
  return groups;
}

export function termPages(catalogue: Catalogue): TermPage[] {
  return termGroups(catalogue).flatMap((group) =>
    group.terms.flatMap(({ term, path, items, playbooks }) =>
      paginate(items, path).map((page) => ({ group, term, count: items.length, items, playbooks, page, path: pagePath(path, page.number), termPath: path })),
    ),
  );
}

/** Each list page with its route's parameters: /care-settings/acute/page/2/ → care-settings, acute, 2. */
export function termPageRoutes(catalogue: Catalogue): { facet: string; value: string; page: number; termPage: TermPage }[] {
  return termPages(catalogue).map((termPage) => {
    const [facet, value] = termPage.termPath.split('/').filter(Boolean);
    return { facet: facet!, value: value!, page: termPage.page.number, termPage };
  });
}
