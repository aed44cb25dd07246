/**
 * What a content page tells Pagefind about itself, beyond its text: filters (for the search
 * page's checkboxes), sort keys and the metadata a search result shows at a glance. Rendered by
 * src/components/SearchData.astro with Pagefind's data-pagefind-filter and data-pagefind-meta attributes, and
 * data-search-sort for the sorts the build keeps out of Pagefind (./sort-orders.ts).
 */
import { costBands, labelOf, type Blueprint, type Organisation, type Playbook, type Template } from '../schema';
import { isoDate } from '../content/catalogue';
import { evidenceLabel, illustrativeLabel, isIllustrativeBlueprint } from '../content/illustrative';
import { blueprintFilterValues, playbookFilterValues, searchTypes, templateFilterValues, type FilterValues } from './filters';

export interface PagefindRecord {
  filters: FilterValues;
  /** Sort keys; dates as YYYY-MM-DD so they sort as text. */
  sort: { published: string; reviewed: string };
  /**
   * Shown in a result: title, type, organisation, summary, cost, outcome, evidence, reviewed, and
   * `illustrative` (the label's text) only for made-up example content.
   */
  meta: Record<string, string>;
}

export function blueprintRecord(b: Blueprint, organisation?: Organisation): PagefindRecord {
  const illustrative = isIllustrativeBlueprint(b, organisation);
  return {
    filters: blueprintFilterValues(b, organisation),
    sort: { published: isoDate(b.published), reviewed: isoDate(b.lastReviewed) },
    meta: {
      title: b.title,
      type: labelOf(searchTypes, b.type),
      ...(organisation ? { organisation: organisation.shortName ?? organisation.name } : {}),
      summary: b.summary,
      cost: labelOf(costBands, b.cost.band),
      outcome: b.outcome.headline,
      evidence: evidenceLabel(b.outcome.evidence, illustrative),
      reviewed: isoDate(b.lastReviewed),
      ...(illustrative ? { illustrative: illustrativeLabel } : {}),
    },
  };
}

export function playbookRecord(p: Playbook): PagefindRecord {
  return {
    filters: playbookFilterValues(p),
    sort: { published: isoDate(p.published), reviewed: isoDate(p.lastReviewed) },
    meta: {
      title: p.title,
      type: labelOf(searchTypes, 'playbook'),
      summary: p.summary,
      reviewed: isoDate(p.lastReviewed),
      ...(p.illustrative ? { illustrative: illustrativeLabel } : {}),
    },
  };
}

/** A template has no publication date of its own: both sort keys are the date it was last checked. */
export function templateRecord(t: Template): PagefindRecord {
  return {
    filters: templateFilterValues(t),
    sort: { published: isoDate(t.lastReviewed), reviewed: isoDate(t.lastReviewed) },
    meta: { title: t.title, type: labelOf(searchTypes, 'template'), summary: t.summary, reviewed: isoDate(t.lastReviewed) },
  };
}
