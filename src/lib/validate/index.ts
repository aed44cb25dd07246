/**
 * Validates content files: the schema, then every rule, collecting all problems before returning
 * so an author fixes everything in one pass.
 */
import { readCorpus, type ContentFile, type Corpus } from './corpus';
import { forgetParsedBodies } from './mdx-body';
import { sortProblems, type Problem } from './problem';
import { checkDuplicateSlugs } from './rules/duplicate-slugs';
import { checkFileSize } from './rules/file-size';
import { checkIllustrative } from './rules/illustrative';
import { checkMdxSafety } from './rules/mdx-safety';
import { checkOrganisationFacts } from './rules/organisation-facts';
import { checkPlaceholders } from './rules/placeholders';
import { checkRedprintSection } from './rules/redprint-section';
import { checkReferences } from './rules/references';

export type { ContentFile, Corpus } from './corpus';
export { kindOf } from './corpus';
export { formatAnnotation, formatProblem, type Problem } from './problem';

export const rules: ((corpus: Corpus) => Problem[])[] = [
  checkFileSize,
  checkDuplicateSlugs,
  checkReferences,
  checkIllustrative,
  checkPlaceholders,
  checkMdxSafety,
  checkRedprintSection,
  checkOrganisationFacts,
];

/**
 * `files` is every content file the references may point to; `only`, when given, limits the
 * problems reported to those paths (validating one draft still resolves its references).
 */
export function validateContent(files: ContentFile[], only?: Set<string>): { corpus: Corpus; problems: Problem[] } {
  const corpus = readCorpus(files);
  let problems: Problem[];
  try {
    problems = [...corpus.problems, ...rules.flatMap((rule) => rule(corpus))];
  } finally {
    // The rules share one parse of each body; after the run the trees are only memory.
    forgetParsedBodies();
  }
  const reported = only ? problems.filter((p) => only.has(p.file)) : problems;
  return { corpus, problems: sortProblems(reported) };
}
