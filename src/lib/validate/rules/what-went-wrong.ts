/**
 * Every published blueprint or redprint that says what went wrong must say it with substance: at
 * least 120 words and at least one thing another organisation can avoid (the proxy for that,
 * and why it was chosen, are in src/lib/content/what-went-wrong.ts). A contribution from the
 * form, the bot, the gateway or `npm run contribute` is published-status, so it is held to this
 * too; only a `status: draft` file, such as the skeleton `npm run new` writes, is exempt.
 * A blueprint may leave the section out, or leave it empty as the form and `npm run new` write it;
 * a redprint may do neither (the `redprint-section` rule asks for the heading, this one for the words).
 */
import type { Blueprint } from '../../schema';
import { isWhatWentWrongHeading, whatWentWrongShortfall, wordCount } from '../../content/what-went-wrong';
import { sectionsOf, sectionText } from '../body-sections';
import type { Corpus } from '../corpus';
import type { Problem } from '../problem';

export function checkWhatWentWrong(corpus: Corpus): Problem[] {
  const problems: Problem[] = [];
  for (const entry of corpus.entries) {
    const data = entry.data as Blueprint | undefined;
    if (entry.kind !== 'blueprint' || !data || data.status === 'draft') continue;
    const tree = corpus.bodyOf(entry)?.tree;
    if (!tree) continue; // the safety gate reports the syntax error
    for (const section of sectionsOf(tree).filter((s) => isWhatWentWrongHeading(s.title))) {
      const text = sectionText(section);
      // A blueprint's empty section (a heading and perhaps the skeleton's prompt) is one left out.
      if (data.type !== 'redprint' && wordCount(text) === 0) continue;
      const shortfall = whatWentWrongShortfall(text);
      if (!shortfall) continue;
      problems.push({
        file: entry.file.path,
        line: section.heading.position?.start.line ?? entry.parsed.bodyLine,
        column: section.heading.position?.start.column ?? 1,
        field: 'what-went-wrong',
        message: `the "${section.title}" section ${shortfall}`,
      });
    }
  }
  return problems;
}
