/**
 * Adoption lineage must point at real entries, or the "adapted by" counts and lineage views would
 * silently drop it: an adoption record names a known organisation and blueprint, under the file
 * name made from them (so one organisation has one record per blueprint), is illustrative exactly
 * when its organisation is, and is not by the blueprint's own publisher; a blueprint's
 * `adaptedFrom` names other, known blueprints.
 */
import { adoptionSlug, type Adoption, type Blueprint, type Organisation } from '../../schema';
import type { Corpus, CorpusEntry } from '../corpus';
import type { Problem } from '../problem';

export function checkAdoptions(corpus: Corpus): Problem[] {
  const organisations = new Map<string, Organisation | undefined>();
  const blueprints = new Map<string, Blueprint | undefined>();
  for (const e of corpus.entries) {
    if (e.kind === 'organisation') organisations.set(e.slug, e.data as Organisation | undefined);
    else if (e.kind === 'blueprint') blueprints.set(e.slug, e.data as Blueprint | undefined);
  }
  const problems: Problem[] = [];
  const report = (entry: CorpusEntry, path: PropertyKey[], message: string) =>
    problems.push({ file: entry.file.path, ...entry.parsed.positionOf(path), field: path.map(String).join('.'), message });

  for (const entry of corpus.entries) {
    if (!entry.data) continue;
    if (entry.kind === 'blueprint') {
      (entry.data as Blueprint).adaptedFrom.forEach((source, i) => {
        if (source.blueprint === entry.slug) report(entry, ['adaptedFrom', i, 'blueprint'], 'points to this blueprint itself: name the blueprint this work was adapted from');
        else if (!blueprints.has(source.blueprint)) {
          report(entry, ['adaptedFrom', i, 'blueprint'], `"${source.blueprint}" is not a known blueprint: use the file name (without extension) of one in src/content/blueprints/`);
        }
      });
    } else if (entry.kind === 'adoption') {
      const a = entry.data as Adoption;
      const organisation = organisations.get(a.organisation);
      const blueprint = blueprints.get(a.blueprint);
      if (!organisations.has(a.organisation)) {
        report(entry, ['organisation'], `"${a.organisation}" is not a known organisation: use the file name (without extension) of one in src/content/organisations/, or add it there first`);
      }
      if (!blueprints.has(a.blueprint)) {
        report(entry, ['blueprint'], `"${a.blueprint}" is not a known blueprint: use the file name (without extension) of one in src/content/blueprints/`);
      }
      const expected = adoptionSlug(a.organisation, a.blueprint);
      if (entry.slug !== expected && organisations.has(a.organisation) && blueprints.has(a.blueprint)) {
        report(entry, ['organisation'], `does not match the file name: an adoption record is named <organisation>--<blueprint>, so rename this file ${expected}.yaml`);
      }
      if (blueprint && blueprint.organisation === a.organisation) {
        report(entry, ['organisation'], `publishes "${a.blueprint}" itself: an adoption record is for another organisation reusing it`);
      }
      if (organisation && organisation.illustrative !== a.illustrative) {
        report(
          entry,
          ['illustrative'],
          organisation.illustrative
            ? `is not true, but "${a.organisation}" is a made-up organisation: set illustrative: true`
            : `is true, but "${a.organisation}" is a real organisation: made-up records must name a made-up organisation`,
        );
      }
    }
  }
  return problems;
}
