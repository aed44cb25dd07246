/**
 * A redprint exists to say what went wrong, so a published one must have that section. How much
 * it must say is the `what-went-wrong` rule's job. Drafts are exempt: `npm run new` writes a
 * skeleton with only the prompt.
 */
import type { Blueprint } from '../../schema';
import { blueprintSections } from '../../content/sections';
import { isWhatWentWrongHeading } from '../../content/what-went-wrong';
import { sectionsOf } from '../body-sections';
import type { Corpus } from '../corpus';
import type { Problem } from '../problem';

const standardHeading = blueprintSections.find((s) => s.requiredForRedprint)!.heading;

export function checkRedprintSection(corpus: Corpus): Problem[] {
  const problems: Problem[] = [];
  for (const entry of corpus.entries) {
    const data = entry.data as Blueprint | undefined;
    if (entry.kind !== 'blueprint' || !data || data.type !== 'redprint' || data.status === 'draft') continue;
    const tree = corpus.bodyOf(entry)?.tree;
    if (!tree) continue; // the safety gate reports the syntax error
    if (sectionsOf(tree).some((s) => isWhatWentWrongHeading(s.title))) continue;
    problems.push({
      file: entry.file.path,
      line: entry.parsed.bodyLine,
      column: 1,
      field: 'redprint-section',
      message: `has no "## ${standardHeading}" section: a redprint exists to say what went wrong, so add that heading (or one like "## What went wrong") and write what did not work and what you would do instead`,
    });
  }
  return problems;
}
