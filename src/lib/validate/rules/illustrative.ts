/**
 * Made-up example content must never be mistaken for, or clash with, a real organisation.
 * A made-up organisation uses an ODS code starting with X (the convention in
 * src/lib/schema/organisation.ts), and a blueprint is illustrative exactly when the
 * organisation that publishes it is. A made-up organisation's work was never evaluated by anyone
 * outside it, so an illustrative blueprint cannot claim independent evaluation: the site says its
 * figures are made up, and the evidence level must agree.
 */
import type { Blueprint, Organisation } from '../../schema';
import type { Corpus } from '../corpus';
import type { Problem } from '../problem';

function hasField(data: unknown, key: string): boolean {
  return typeof data === 'object' && data !== null && key in data;
}

export function checkIllustrative(corpus: Corpus): Problem[] {
  const problems: Problem[] = [];
  const organisations = new Map<string, Organisation>();
  for (const entry of corpus.entries) {
    if (entry.kind === 'organisation' && entry.data) organisations.set(entry.slug, entry.data as Organisation);
  }

  for (const entry of corpus.entries) {
    if (!entry.data) continue;
    if (entry.kind === 'organisation') {
      const o = entry.data as Organisation;
      if (o.illustrative && !o.odsCode.startsWith('X')) {
        problems.push({
          file: entry.file.path,
          ...entry.parsed.positionOf(['odsCode']),
          field: 'odsCode',
          message: `"${o.odsCode}" could be a real organisation's code, but this organisation is made up: use a code starting with X, e.g. X1A2B`,
        });
      }
    } else if (entry.kind === 'blueprint') {
      const b = entry.data as Blueprint;
      const publisher = organisations.get(b.organisation);
      if (!publisher) continue; // the references rule reports an unknown organisation
      if (b.illustrative && !publisher.illustrative) {
        problems.push({
          file: entry.file.path,
          ...entry.parsed.positionOf(['organisation']),
          field: 'organisation',
          message: `"${b.organisation}" is a real organisation, but this blueprint is illustrative: made-up content must name a made-up organisation (one with illustrative: true)`,
        });
      } else if (b.illustrative && b.outcome.evidence === 'independently-evaluated') {
        problems.push({
          file: entry.file.path,
          ...entry.parsed.positionOf(['outcome', 'evidence']),
          field: 'outcome.evidence',
          message: `is "independently-evaluated", but this blueprint is an illustrative example about a made-up organisation, which no one outside it evaluated: use measured-locally or anecdotal`,
        });
      } else if (!b.illustrative && publisher.illustrative) {
        problems.push({
          file: entry.file.path,
          ...entry.parsed.positionOf(hasField(entry.parsed.data, 'illustrative') ? ['illustrative'] : ['organisation']),
          field: 'illustrative',
          message: `is not true, but "${b.organisation}" is a made-up organisation: set illustrative: true, or name the real organisation that did the work`,
        });
      }
    }
  }
  return problems;
}
