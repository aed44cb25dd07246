/**
 * The issue bot's rules for a "We are using this" issue (./adoption-questions.ts): from the answers
 * to an adoption record file, checked as the build would check it, and the problems to tell the
 * proposer. The publishing, comments and pull request are the blueprint route's own
 * (./issue-proposal.ts, scripts/propose-from-issue.ts). The issue is a stranger's text: it is read
 * as data, written out with a YAML library (never by pasting text into YAML), and the file goes
 * through the full validator; its file name is made only from answers that are slugs.
 */
import { stringify } from 'yaml';
import { adoptionSlug } from '../schema/adoption';
import type { Organisation } from '../schema/organisation';
import { validateContent, type ContentFile, type MdxParser } from '../validate';
import { adoptionQuestions } from './adoption-questions';
import { declared, issueValues, parseIssueFormBody } from './issue-answers';
import { adoptionForm } from './issue-form';
import { proposalProblems } from './issue-comment';
import { matchOrganisation, organisationsIn, organisationToAdd, type CheckedProposal, type Issue } from './issue-proposal';
import { canonicalPath, type ContributionEntry } from './plan';
import { blueprintAnswer, monthOf, organisationOf, textOf, type DraftValues } from './answers';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The record's fields, in the order a maintainer reads them, from the form's answers. */
export function adoptionData(values: DraftValues, organisation: string): Record<string, unknown> {
  const text = (id: string) => textOf(values, id).trim();
  const optIn = text('contactOptIn') === 'yes';
  const data: Record<string, unknown> = {
    organisation,
    blueprint: blueprintAnswer(text('blueprint')),
    stage: text('stage'),
    date: monthOf(text('date')),
  };
  // One line on the page: line breaks in a form answer carry no meaning there.
  const outcome = text('outcome').replace(/\s+/g, ' ');
  if (outcome) data.outcome = outcome;
  // A contact typed without agreeing to publish it is left out, never published.
  if (optIn) {
    data.contactOptIn = true;
    if (text('contact')) data.contact = text('contact');
  }
  return data;
}

/** The record a set of answers becomes: its file name and its YAML. */
export interface AdoptionRecord {
  slug: string;
  rendered: string;
  /** The organisation's slug when the answer names one on the site (by slug, name or short name). */
  matched?: string;
}

/**
 * Makes the record from the answers: the organisation matched against the site's, written out with
 * a YAML library. The file name comes only from answers that are slugs; otherwise it is
 * `fallbackSlug`, and the schema reports what is wrong.
 */
export function adoptionRecord(values: DraftValues, organisations: ReadonlyMap<string, Organisation>, fallbackSlug: string): AdoptionRecord {
  // A slug, a name, or "not listed" with the full name typed (then the slug of that name).
  const typed = organisationOf(values) ?? '';
  const matched = matchOrganisation(typed, organisations);
  const data = adoptionData(values, matched ?? typed.trim());
  if (matched) data.illustrative = organisations.get(matched)!.illustrative;
  const organisation = String(data.organisation);
  const blueprint = String(data.blueprint);
  const slug = slugPattern.test(organisation) && slugPattern.test(blueprint) ? adoptionSlug(organisation, blueprint) : fallbackSlug;
  return { slug, rendered: stringify(data, { lineWidth: 0 }), matched };
}

/**
 * Turns a "We are using this" issue into an adoption record and checks it alongside `files`
 * (every content file), as the build would. `adoptionsDir` is the project path of the adoptions
 * folder among `files`. An existing record for the same organisation and blueprint is replaced:
 * that is how an adoption moves from piloting to live.
 */
export function checkAdoptionIssue(issue: Issue, files: readonly ContentFile[], adoptionsDir: string, parser: MdxParser): CheckedProposal {
  const organisations = organisationsIn(files, parser);
  const answers = parseIssueFormBody(issue.body, adoptionForm);
  const values = issueValues(answers, adoptionQuestions);
  const { slug, rendered, matched } = adoptionRecord(values, organisations, `issue-${issue.number}--adoption`);

  const missing = adoptionQuestions.filter((q) => q.required && !values[q.id]?.length).map((q) => q.id);
  if (!declared(answers.get(adoptionForm.declaration.id) ?? '', adoptionForm.declaration)) missing.push(adoptionForm.declaration.id);

  const localPath = `${adoptionsDir}/${slug}.yaml`;
  const { corpus, problems } = validateContent(
    [...files.filter((f) => f.path !== localPath), { path: localPath, source: rendered, kind: 'adoption' }],
    { parser, only: new Set([localPath]) },
  );
  const found = proposalProblems(problems, rendered, Number.POSITIVE_INFINITY, missing, adoptionForm);
  if (!matched) organisationToAdd(found, answers.get('organisation-name'), adoptionQuestions.find((q) => q.id === 'organisation')!.label);

  const entry: ContributionEntry = { kind: 'adoption', slug, sourcePath: `issue #${issue.number}`, data: corpus.entries.find((e) => e.file.path === localPath)?.data };
  return { slug, rendered, repoPath: canonicalPath('adoption', slug), problems: found, entry, organisations };
}
