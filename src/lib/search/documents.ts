/**
 * Blueprints as lunr documents: the fields maintainers' search, related blueprints and the
 * duplicate check read. Built from validated entries (never from built HTML), with the synonyms
 * each one mentions added, so "CCIO" finds a blueprint that only says "chief clinical
 * information officer".
 */
import {
  audiences, capabilities, careSettings, domains, labelOf, pillars, programmeStatuses, standards, suppliers,
  type Blueprint, type Organisation,
} from '../schema';
import { isoDate } from '../content/catalogue';
import { blueprintFilterValues, type FilterValues } from './filters';
import { synonymText, type Mention, type Synonyms } from './synonyms';
import { mdxToText } from './text';

export interface SearchDocument {
  slug: string;
  title: string;
  summary: string;
  /** Key questions, one after another. */
  questions: string;
  /** The MDX body as plain text. */
  body: string;
  /** Every taxonomy label the blueprint is filed under, e.g. "Clinical leadership; Acute". */
  labels: string;
  organisation: string;
  /** Members of every synonym group the other fields mention. */
  synonyms: string;
  /** The synonym groups the title, summary, key questions and body mention, most mentioned first. */
  mentions: Mention[];
  /** The synonym groups the title names (for the search tokens' weights, synonym-tokens.ts). */
  titleMentions: Mention[];
  filters: FilterValues;
  published: string;
}

/** Fields lunr indexes and how much a match in each counts. */
export const fieldBoosts = { title: 6, questions: 3, summary: 3, labels: 2, organisation: 2, synonyms: 1, body: 1 } as const;
export type SearchField = keyof typeof fieldBoosts;

function taxonomyLabels(b: Partial<Blueprint>, organisation?: Organisation): string[] {
  const many = (list: Parameters<typeof labelOf>[0], values: readonly string[] = []) => values.map((v) => labelOf(list, v));
  return [
    ...(b.domain ? [labelOf(domains, b.domain)] : []),
    ...many(pillars, b.pillars),
    ...many(capabilities, b.capabilities),
    ...many(careSettings, b.careSettings),
    ...(b.eprSupplier && b.eprSupplier !== 'none' ? [labelOf(suppliers, b.eprSupplier)] : []),
    ...many(standards, b.standards),
    ...many(audiences, b.audience),
    ...(organisation ? [labelOf(programmeStatuses, organisation.programme)] : []),
  ];
}

/** The text a document's synonyms are found in: what the author wrote, not the labels. */
export function writtenText(doc: Pick<SearchDocument, 'title' | 'summary' | 'questions' | 'body'>): string {
  return [doc.title, doc.summary, doc.questions, doc.body].join('\n');
}

/**
 * `data` may be a draft that has not passed the schema yet (the duplicate check reads drafts),
 * so every field is optional here.
 */
export function blueprintDocument(
  entry: { slug: string; data: Partial<Blueprint> },
  mdxBody: string,
  organisation: Organisation | undefined,
  synonyms: Synonyms,
): SearchDocument {
  const b = entry.data;
  const base = {
    slug: entry.slug,
    title: b.title ?? '',
    summary: b.summary ?? '',
    questions: (b.keyQuestions ?? []).join(' '),
    body: mdxToText(mdxBody),
    labels: taxonomyLabels(b, organisation).join('; '),
    organisation: organisation?.name ?? '',
  };
  const mentions = synonyms.mentioned(writtenText(base));
  return {
    ...base,
    synonyms: synonymText(synonyms, mentions),
    mentions,
    titleMentions: synonyms.mentioned(base.title),
    filters: b.domain && b.careSettings ? blueprintFilterValues(b as Blueprint, organisation) : {},
    published: b.published instanceof Date ? isoDate(b.published) : '',
  };
}
