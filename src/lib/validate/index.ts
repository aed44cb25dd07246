/**
 * Validates content files: the schema, then every rule, collecting all problems before returning
 * so an author fixes everything in one pass.
 */
import { readCorpus, type ContentFile, type Corpus } from './corpus';
import type { MdxParser } from './mdx-body';
import { sortProblems, type Problem } from './problem';
import { checkAcronyms } from './rules/acronyms';
import { checkAdoptions } from './rules/adoptions';
import { checkArtefacts } from './rules/artefacts';
import { checkDuplicateSlugs } from './rules/duplicate-slugs';
import { checkFileSize } from './rules/file-size';
import { checkHeadings } from './rules/headings';
import { checkIllustrative } from './rules/illustrative';
import { checkMdxSafety } from './rules/mdx-safety';
import { checkOrganisationFacts } from './rules/organisation-facts';
import { checkPatientIdentifiers } from './rules/patient-identifiers';
import { checkPlaceholders } from './rules/placeholders';
import { checkRedprintSection } from './rules/redprint-section';
import { checkReferences } from './rules/references';
import { checkWhatWentWrong } from './rules/what-went-wrong';
import { checkWhereToStart } from './rules/where-to-start';

export type { ContentFile, Corpus } from './corpus';
export { kindOf } from './corpus';
export { formatAnnotation, formatProblem, sortProblems, type Problem } from './problem';
export type { MdxParser } from './mdx-body';

export const rules: ((corpus: Corpus) => Problem[])[] = [
  checkFileSize,
  checkDuplicateSlugs,
  checkReferences,
  checkAdoptions,
  checkArtefacts,
  checkIllustrative,
  checkPlaceholders,
  checkPatientIdentifiers,
  checkMdxSafety,
  checkRedprintSection,
  checkWhatWentWrong,
  checkHeadings,
  checkOrganisationFacts,
  checkWhereToStart,
];

/** Rules whose findings are warnings: printed, but they stop nothing. */
export const advisories: ((corpus: Corpus) => Problem[])[] = [checkAcronyms];

export interface ValidateOptions {
  /**
   * The MDX parser bodies are read with: `nativeMdxParser` (./native-parser.ts) wherever the
   * result decides what the build compiles; `remarkMdxParser` (./remark-parser.ts) in the browser.
   */
  parser: MdxParser;
  /** Report only problems in these paths (validating one draft still resolves its references). */
  only?: Set<string>;
  /** Run the advisory rules too (default); the build's gate, which only needs a verdict, turns them off. */
  warnings?: boolean;
  /**
   * Files read already (`readCorpus`, with the same parser) that `files` are checked together
   * with, e.g. the organisations every draft refers to: read once rather than once per draft.
   */
  context?: Corpus;
}

/** `files` (with `context`'s) are every content file the references may point to. */
export function validateContent(files: ContentFile[], { parser, only, warnings = true, context }: ValidateOptions): { corpus: Corpus; problems: Problem[]; warnings: Problem[] } {
  const corpus = readCorpus(files, parser, context);
  const mine = (found: Problem[]) => sortProblems(only ? found.filter((p) => only.has(p.file)) : found);
  return {
    corpus,
    problems: mine([...corpus.problems, ...rules.flatMap((rule) => rule(corpus))]),
    warnings: warnings ? mine(advisories.flatMap((rule) => rule(corpus))) : [],
  };
}
