/**
 * Every slug one entry names must exist: a blueprint's organisation, partners and related
 * blueprints; an organisation's partners; a playbook step's blueprints.
 */
import type { Blueprint, Organisation, Playbook } from '../../schema';
import type { Corpus, CorpusEntry } from '../corpus';
import type { Problem } from '../problem';

export function checkReferences(corpus: Corpus): Problem[] {
  const slugsOf = (kind: CorpusEntry['kind']) => new Set(corpus.entries.filter((e) => e.kind === kind).map((e) => e.slug));
  const organisations = slugsOf('organisation');
  const blueprints = slugsOf('blueprint');
  const problems: Problem[] = [];

  const expect = (entry: CorpusEntry, path: PropertyKey[], value: string, known: Set<string>, what: string, folder: string) => {
    if (known.has(value)) return;
    problems.push({
      file: entry.file.path,
      ...entry.parsed.positionOf(path),
      field: path.map(String).join('.'),
      message: `"${value}" is not a known ${what}: use the file name (without extension) of one in ${folder}, or add it there`,
    });
  };

  for (const entry of corpus.entries) {
    if (!entry.data) continue;
    if (entry.kind === 'blueprint') {
      const b = entry.data as Blueprint;
      expect(entry, ['organisation'], b.organisation, organisations, 'organisation', 'src/content/organisations/');
      b.partners.forEach((p, i) => expect(entry, ['partners', i], p, organisations, 'organisation', 'src/content/organisations/'));
      b.related.forEach((r, i) => {
        if (r === entry.slug) {
          problems.push({ file: entry.file.path, ...entry.parsed.positionOf(['related', i]), field: `related.${i}`, message: 'points to this blueprint itself: remove it' });
        } else expect(entry, ['related', i], r, blueprints, 'blueprint', 'src/content/blueprints/');
      });
    } else if (entry.kind === 'organisation') {
      const o = entry.data as Organisation;
      o.partners.forEach((p, i) => expect(entry, ['partners', i], p, organisations, 'organisation', 'src/content/organisations/'));
    } else if (entry.kind === 'playbook') {
      const p = entry.data as Playbook;
      p.steps.forEach((step, i) =>
        step.blueprints.forEach((slug, j) => expect(entry, ['steps', i, 'blueprints', j], slug, blueprints, 'blueprint', 'src/content/blueprints/')),
      );
    }
  }
  return problems;
}
