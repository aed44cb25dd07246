/**
 * How the site labels made-up example content wherever its words appear away from its own page
 * (lists, the home page, search results, the feed, page descriptions). A blueprint counts as
 * illustrative when it says so or when its publishing organisation is made up; the validator
 * keeps the two in step, but a list should never depend on that to tell the truth.
 */
import type { Blueprint, Organisation } from '../schema';
import { evidenceLevels, labelOf } from '../schema/taxonomy';

/** The short label shown beside an illustrative entry: words, so colour is never the only signal. */
export const illustrativeLabel = 'Illustrative example';

/** One line for places that carry text only (feed items, page descriptions). */
export const illustrativeSentence = 'Illustrative example: the organisation and figures are made up.';

export function isIllustrativeBlueprint(b: Pick<Blueprint, 'illustrative'>, organisation?: Pick<Organisation, 'illustrative'>): boolean {
  return b.illustrative || organisation?.illustrative === true;
}

/**
 * The evidence level as shown to readers. A made-up organisation measured nothing, so for
 * illustrative content the level describes the example, and says so, as the notice does.
 */
export function evidenceLabel(evidence: Blueprint['outcome']['evidence'], illustrative: boolean): string {
  const label = labelOf(evidenceLevels, evidence);
  return illustrative ? `${label}, in a made-up example` : label;
}

/** A summary as published away from its page: prefixed with the illustrative line when it applies. */
export function labelledSummary(summary: string, illustrative: boolean): string {
  return illustrative ? `${illustrativeSentence} ${summary}` : summary;
}
