/**
 * The one door from the gateway into the site's own code (src/lib, src/node and scripts/lib): the drafting
 * form's answers and checks, the full validator with its MDX safety gate, the duplicate check of
 * `npm run similar`, and the pull-request planning and publishing the other contribution routes
 * use. Everything the gateway needs from there is imported here and nowhere else, so a rename in
 * src/lib is mended in this file alone.
 */
import { adoptionRecord } from '../../src/lib/contribute/adoption-proposal';
import { adoptionDeclaration, adoptionQuestions, keptAdoptionAnswers, missingAdoptionAnswers } from '../../src/lib/contribute/adoption-questions';
import { feedbackDeclaration, feedbackKinds, feedbackLabel, feedbackQuestions, missingFeedbackAnswers, pageNamed } from '../../src/lib/contribute/feedback-questions';
import { draftToMdx, slugFromTitle } from '../../src/lib/contribute/draft';
import { missingReviewAnswers, reviewDeclaration, reviewQuestions, reviewVerdicts, type ReviewVerdict } from '../../src/lib/contribute/owner-review-questions';
import { fundingInOrder, ReviewError, reviewedSource } from '../../src/lib/contribute/owner-review';
import { changedPageOf, changeDeclaration, changeQuestions, missingChangeAnswers, notAChangeablePage, type ChangeablePageKind } from '../../src/lib/contribute/change-questions';
import { ChangeError, changeablePartsOf, changedSource, type BodySection } from '../../src/lib/contribute/section-change';
import { normalisedText } from '../../src/lib/contribute/part-text';
import { contactDetailsIn, personalDataNames } from '../../src/lib/validate/personal-data';
import { answerLimits, answerOverLimit, answerUnprintable, blueprintAnswer, formKeyPattern, listOf, textOf, type DraftValues } from '../../src/lib/contribute/answers';
import { mergeErrors, mergeErrorsInOrder, sectionErrors, validateDraft, type FieldError } from '../../src/lib/contribute/draft-check';
import { organisationNotListed, questions } from '../../src/lib/contribute/questions';
import { canonicalPath, commitTrailer, planContribution, type ContributionEntry } from '../../src/lib/contribute/plan';
import { clip, inline, lineBreak, marker } from '../../src/lib/contribute/markdown';
import { pullRequestBody } from '../../src/lib/contribute/pull-request-body';
import { parseSource, slugOf } from '../../src/lib/content/front-matter';
import type { Blueprint, Organisation } from '../../src/lib/schema';
import { paths } from '../../src/lib/content/urls';
import { fundingSources, labelOf } from '../../src/lib/schema/taxonomy';
import { blueprintDocument, type SearchDocument } from '../../src/lib/search/documents';
import { searchCorpus } from '../../src/lib/search/from-corpus';
import { duplicateThreshold, similarIn, similarityIndex, type SimilarityIndex } from '../../src/lib/search/similar';
import type { Synonyms } from '../../src/lib/search/synonyms';
import { validateContent, type Corpus, type Problem } from '../../src/lib/validate';
import { readCorpus, type CorpusEntry } from '../../src/lib/validate/corpus';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';
import { readContentFiles } from '../../src/node/content-files';

export { publish, ContributionError, StepError, statusOf, githubMessage, type GitHubApi, type Runtime, type RepoRef, type PublishResult } from '../../src/lib/contribute/publish';
export { clip, commitTrailer, pageNamed, paths, slugOf };
export { ReviewError, reviewedSource, type ReviewVerdict };
export { ChangeError, changedSource };
export { createClient, explainError, type Client, type ClientSettings } from '../../scripts/lib/github';
export { mergeErrors, answerLimits, answerOverLimit, answerUnprintable, formKeyPattern };
export type { DraftValues, FieldError };

/** What the checks need from the site's content, read once at start. */
export interface SiteContent {
  /**
   * The organisations, read and checked against their schema once: what a new blueprint may
   * refer to, and all the validator's rules look up for one.
   */
  context: Corpus;
  blueprintSlugs: Set<string>;
  organisations: Map<string, Organisation>;
  illustrativeOrganisations: string[];
  docs: SearchDocument[];
  /** Each existing blueprint's title by slug, for the duplicate check's message. */
  titles: Map<string, string>;
  /** The duplicate check's view of the existing blueprints, built once rather than per submission. */
  similarity: SimilarityIndex;
  synonyms: Synonyms;
  /**
   * Each blueprint as read and checked at start, by slug: an adoption record is checked with the
   * organisations and the one blueprint it names, not the whole catalogue (which would make every
   * check's time grow with the catalogue).
   */
  blueprints: Map<string, CorpusEntry>;
  /** Each playbook and template as read and checked at start, by slug: a suggested change may be to one. */
  playbooks: Map<string, CorpusEntry>;
  templates: Map<string, CorpusEntry>;
  /** The pages feedback can be about (blueprints, playbooks, templates), by "kind:slug". */
  pages: Map<string, { title: string; file: string; path: string }>;
}

/** A page's title, or its file's slug when it has none. */
const titleOf = (entry: CorpusEntry) => String((entry.data as { title?: unknown } | undefined)?.title ?? entry.slug);

const pagePaths = { blueprint: paths.blueprint, playbook: paths.playbook, template: paths.template } as const;

export function readSiteContent(root: string): SiteContent {
  const files = readContentFiles(root).files;
  const { corpus } = validateContent(files, { parser: nativeMdxParser });
  const { docs, synonyms, organisations } = searchCorpus(corpus);
  return {
    // Only organisations: the rules for a new blueprint look nothing else up, and parsing the
    // glossary for every submission would double the time it takes to answer.
    context: readCorpus(files.filter((f) => f.kind === 'organisation'), nativeMdxParser),
    blueprintSlugs: new Set(corpus.entries.filter((e) => e.kind === 'blueprint').map((e) => e.slug)),
    organisations,
    illustrativeOrganisations: [...organisations].filter(([, o]) => o.illustrative).map(([slug]) => slug),
    docs,
    titles: new Map(docs.map((d) => [d.slug, d.title])),
    similarity: similarityIndex(docs),
    synonyms,
    blueprints: new Map(corpus.entries.filter((e) => e.kind === 'blueprint').map((e) => [e.slug, e])),
    playbooks: new Map(corpus.entries.filter((e) => e.kind === 'playbook').map((e) => [e.slug, e])),
    templates: new Map(corpus.entries.filter((e) => e.kind === 'template').map((e) => [e.slug, e])),
    pages: new Map(corpus.entries.flatMap((e) => {
      if (e.kind !== 'blueprint' && e.kind !== 'playbook' && e.kind !== 'template') return [];
      const title = titleOf(e);
      return [[`${e.kind}:${e.slug}`, { title, file: e.file.path, path: pagePaths[e.kind](e.slug) }]];
    })),
  };
}

/** A proposal that passed every check, ready to become a pull request. */
export interface CheckedDraft {
  slug: string;
  /** The file's text: a blueprint's MDX, or an adoption record's YAML. */
  text: string;
  /** The repository path of the file. */
  path: string;
  entry: ContributionEntry;
  /** The full name of an organisation not on the site yet, for a maintainer to add. */
  newOrganisation?: string;
  /** Existing blueprints close enough to be the same work, which the contributor says it is not. */
  similar: { slug: string; title: string; score: number }[];
}

export type CheckResult = { ok: true; draft: CheckedDraft } | { ok: false; errors: FieldError[] };

/**
 * Every check the site makes, again, on answers from a browser that is never trusted: the
 * drafting form's field checks, then the full validator (schema, references, placeholders, the
 * MDX safety gate) on the file the answers become, then the duplicate check. Problems come back
 * one per form field, in the form's order.
 */
export function checkDraft(values: DraftValues, site: SiteContent, options: { today: string; notDuplicate: boolean }): CheckResult {
  const draftOptions = { today: options.today, illustrativeOrganisations: site.illustrativeOrganisations };
  const fieldErrors = validateDraft(values, draftOptions);
  if (fieldErrors.length) return { ok: false, errors: fieldErrors };

  const slug = slugFromTitle(textOf(values, 'title'));
  const mdx = draftToMdx(values, draftOptions);
  const path = canonicalPath('blueprint', slug);
  const notListed = textOf(values, 'organisation') === organisationNotListed;
  // The build's own MDX parser, so the gateway refuses exactly what the build would.
  const { corpus, problems } = validateContent([{ path, source: mdx, kind: 'blueprint' }], { parser: nativeMdxParser, only: new Set([path]), context: site.context });
  const read = corpus.entries.find((e) => e.file.path === path);
  // The validator's own reading of the file, unless it could not read it (then read again, for the body's first line).
  const parsed = read && !read.parsed.error ? read.parsed : parseSource(mdx);
  // An organisation new to the site is for a maintainer to add, as on the issue route.
  const kept = problems.filter((p) => !(notListed && p.field === 'organisation'));
  const bodyStart = parsed.bodyLine;
  const errors = mergeErrors(
    sectionErrors(mdx, kept.filter((p) => p.line >= bodyStart)),
    kept.filter((p) => p.line < bodyStart).map((p) => ({ id: fieldOf(p.field), message: p.message })),
  );
  if (site.blueprintSlugs.has(slug)) {
    errors.unshift({ id: 'title', message: `Title gives the web address /blueprints/${slug}/, which another blueprint already has: change the title a little` });
  }

  const data = read?.data as Blueprint | undefined;
  const document = blueprintDocument({ slug, data: data ?? {} }, parsed.body, site.organisations.get(String(data?.organisation)), site.synonyms);
  // What `npm run similar` runs, with the existing blueprints' index built once.
  const likely = similarIn(site.similarity, { ...document, slug }).filter((s) => s.likelyDuplicate);
  const similar = likely.map((s) => ({ slug: s.slug, title: site.titles.get(s.slug) ?? s.slug, score: Math.round(s.score * 100) / 100 }));
  if (similar.length && !options.notDuplicate) {
    const named = (list: typeof likely) => list.map((s) => `“${site.titles.get(s.slug) ?? s.slug}” (/blueprints/${s.slug}/)`).join(', ');
    // Said beside the summary only when the summary is all that is the same.
    const sameSummary = likely.filter((s) => s.sameSummary && s.score < duplicateThreshold);
    const readAlike = likely.filter((s) => !sameSummary.includes(s));
    if (sameSummary.length) errors.push({ id: 'summary', message: `Summary is the summary of ${named(sameSummary)}: read it first. If yours is different work, say what it was in your own summary, or confirm it is not a duplicate` });
    if (readAlike.length) errors.push({ id: 'title', message: `Title and write-up read like ${named(readAlike)}: read it first. If yours is different work, say how in your summary and confirm it is not a duplicate` });
  }
  if (errors.length || !data) return { ok: false, errors: mergeErrors(errors.length ? errors : [{ id: '', message: 'The draft could not be read back: check every answer' }]) };

  const entry: ContributionEntry = { kind: 'blueprint', slug, sourcePath: 'the gateway', data };
  return { ok: true, draft: { slug, text: mdx, path, entry, newOrganisation: notListed ? textOf(values, 'organisation-name') : undefined, similar } };
}

/**
 * Every check an adoption record gets in the build, on answers to the "We are using this"
 * questions from a browser that is never trusted: the required answers and the confirmation, then
 * the full validator on the record they become (schema, the organisation and blueprint it names,
 * its file name). An existing record for the same organisation and blueprint is replaced by the
 * pull request: that is how an adoption moves from piloting to live.
 */
export function checkAdoption(values: DraftValues, site: SiteContent): CheckResult {
  const missing = missingAdoptionAnswers(values);
  if (missing.length) return { ok: false, errors: mergeAdoptionErrors(missing) };
  const notListed = textOf(values, 'organisation') === organisationNotListed;

  const { slug, rendered, matched } = adoptionRecord(values, site.organisations, 'adoption');
  const path = canonicalPath('adoption', slug);
  // The organisations, and the blueprint named if there is one: all the rules look up for a record.
  const named = site.blueprints.get(blueprintAnswer(textOf(values, 'blueprint')));
  const context: Corpus = { ...site.context, entries: [...site.context.entries, ...(named ? [named] : [])] };
  const { corpus, problems } = validateContent([{ path, source: rendered, kind: 'adoption' }], { parser: nativeMdxParser, only: new Set([path]), context });
  // An organisation new to the site is for a maintainer to add, as on the issue route.
  const kept = problems.filter((p) => !(notListed && !matched && /^(organisation|illustrative)$/.test(p.field)));
  const found = mergeAdoptionErrors(kept.map(adoptionError));
  const data = corpus.entries.find((e) => e.file.path === path)?.data;
  if (found.length || !data) return { ok: false, errors: found.length ? found : [{ id: '', message: 'The record could not be read back: check every answer' }] };
  const entry: ContributionEntry = { kind: 'adoption', slug, sourcePath: 'the gateway', data };
  return { ok: true, draft: { slug, text: rendered, path, entry, newOrganisation: notListed && !matched ? textOf(values, 'organisation-name') : undefined, similar: [] } };
}

/** A validator problem in a record, beside the question it is about ("illustrative" follows the organisation). */
function adoptionError(p: Problem): FieldError {
  const field = p.field === 'illustrative' ? 'organisation' : p.field.split('.')[0];
  const question = adoptionQuestions.find((q) => q.path[0] === field);
  return question ? { id: question.id, message: `${question.name} ${p.message}` } : { id: '', message: `The record ${p.message}` };
}

/** One message per question, in the order the adoption questions are asked. */
const mergeAdoptionErrors = (errors: FieldError[]) => mergeErrorsInOrder([...adoptionQuestions.map((q) => q.id), adoptionDeclaration.id], errors);

/** A front-matter path from the validator ("outcome.headline") as a form field id ("outcome-headline"). */
function fieldOf(field: string): string {
  return field.split('.').filter((p) => !/^\d+$/.test(p)).join('-');
}

/** Where a proposal came from: the sender is named only if they asked (the name only; never an email address). */
function sentFrom(origin: { domain: string; creditName?: string }, who: 'contributor' | 'sender' | 'reviewer'): string {
  return origin.creditName
    ? `Sent through the submission gateway by ${inline(origin.creditName)}, from a verified address at ${origin.domain}.`
    : `Sent through the submission gateway from a verified address at ${origin.domain}. The ${who} asked not to be named.`;
}

export interface PullRequestText {
  title: string;
  body: string;
  labels: string[];
  commitMessage: string;
}

/**
 * The pull request a checked draft becomes. The body says where it came from without naming
 * anyone unless they asked to be named (the name only; never an email address).
 */
export function pullRequestFor(draft: CheckedDraft, site: SiteContent, origin: { domain: string; creditName?: string }): PullRequestText {
  const plan = planContribution([draft.entry], { extraLabels: ['via-gateway'] });
  const summary = pullRequestBody([draft.entry], { labels: plan.labels, organisationName: (s) => site.organisations.get(s)?.name, maxLength: 60_000 });
  const from = sentFrom(origin, 'contributor');
  const notes = [
    `### Where this came from\n\n${from} Replies here are not seen by the contributor: a maintainer can reach them through the gateway's operators.`,
    ...(draft.newOrganisation ? [`**Organisation not on the site yet:** ${inline(draft.newOrganisation)}. Add it to \`src/content/organisations/\` before merging.`] : []),
    ...(draft.similar.length ? [`**Close to existing blueprints** (the contributor says it is different work): ${draft.similar.map((s) => `\`${s.slug}\` (${s.score})`).join(', ')}.`] : []),
  ];
  return { title: plan.title, body: `${summary}\n${notes.join('\n\n')}\n`, labels: plan.labels, commitMessage: plan.commitMessage };
}

/** Feedback that passed its checks, ready to become an issue. */
export interface CheckedFeedback {
  /** The page named, if the answer names a blueprint, playbook or template of the site. */
  page?: { title: string; file: string; path: string };
  /** The answer to "Which page?" as given (empty for the whole site). */
  given: string;
  kind: string;
  feedback: string;
  role: string;
}

/**
 * Feedback, from a browser that is never trusted: every required answer and the confirmation.
 * "Which page?" may be empty (the whole site) or anything a reader wrote; when it names a
 * blueprint, playbook or template (by its file, as the link fills it in, by its address or by its
 * exact title), the issue names that page and its file for whoever picks it up.
 */
export function checkFeedback(values: DraftValues, site: SiteContent): { ok: true; feedback: CheckedFeedback } | { ok: false; errors: FieldError[] } {
  const errors = missingFeedbackAnswers(values);
  if (errors.length) return { ok: false, errors: mergeErrorsInOrder([...feedbackQuestions.map((q) => q.id), feedbackDeclaration.id], errors) };
  const given = textOf(values, 'page');
  const named = pageNamed(given);
  const title = given.replace(/\s+/g, ' ').toLowerCase();
  const page = named ? site.pages.get(`${named.kind}:${named.slug}`) : [...site.pages.values()].find((p) => p.title.toLowerCase() === title);
  return { ok: true, feedback: { page, given, kind: textOf(values, 'kind'), feedback: textOf(values, 'feedback'), role: textOf(values, 'role') } };
}

/** At most `max` characters of a stranger's text, with an ellipsis when cut. */
const clipped = (value: string, max: number) => (value.length > max ? `${value.slice(0, max)}…` : value);

/** Said beside "Which blueprint?" when the answer names none of the site's. */
const notABlueprint = (slug: string) => `“${clipped(slug, 80)}” is not a blueprint on the site: use the short name from its page address, /blueprints/<short name>/`;

/** Text from a stranger as a Markdown quote, each line made inert (./markdown.ts in src/lib/contribute). */
const quoted = (value: string) => value.split(lineBreak).map((line) => `> ${inline(line)}`.trimEnd()).join('\n');

/**
 * The issue feedback becomes. Like a pull request's text, it names the contributor only if they
 * asked (the name only; never an email address). The worker adds `feedbackMarker` when it sends.
 */
export function feedbackIssueFor(f: CheckedFeedback, origin: { domain: string; creditName?: string }): PullRequestText {
  const from = sentFrom(origin, 'sender');
  const page = f.page
    ? `**Page:** ${inline(f.page.title)}, at \`${f.page.path}\` (file \`${f.page.file}\`)`
    : f.given ? `**Page, as the sender gave it:** ${inline(clipped(f.given.replace(/\s+/g, ' '), 300))}` : '**Page:** the site as a whole';
  const body = [
    page,
    `**Kind:** ${labelOf(feedbackKinds, f.kind)}`,
    ...(f.role ? [`**Role:** ${inline(f.role)}`] : []),
    `### Feedback\n\n${quoted(f.feedback)}`,
    `### Where this came from\n\n${from} Replies here are not seen by the sender: a maintainer can reach them through the gateway's operators.`,
  ].join('\n\n');
  const about = f.page?.title ?? (f.given ? clipped(f.given.replace(/\s+/g, ' '), 80) : 'the site');
  return { title: `Feedback: ${about}`, body: `${body}\n`, labels: [feedbackLabel, 'via-gateway'], commitMessage: '' };
}

/** The hidden line that ties an issue to the submission it came from, so sending it again finds the issue instead of opening another. */
export const feedbackMarker = (submissionId: string) => marker(`gateway-submission:${submissionId}`);

/** An owner's review that passed its checks, ready to become a pull request. */
export interface CheckedReview {
  slug: string;
  title: string;
  /** The blueprint's file in the repository. */
  path: string;
  /** The file with the review's change, made to the gateway's copy (the worker makes it again to GitHub's). */
  text: string;
  verdict: ReviewVerdict;
  /** The day of the review, YYYY-MM-DD: the blueprint's new lastReviewed. */
  today: string;
  /** Who paid, as the owner says, in the funding list's order; empty when they did not say. */
  funding: string[];
  changes: string;
  role: string;
}

/**
 * An owner's review, from a browser that is never trusted: every required answer and both
 * statements, a blueprint of the site that the review would change, and the changed file passing
 * the validator as the build would judge it.
 */
export function checkReview(values: DraftValues, site: SiteContent, today: string): { ok: true; review: CheckedReview } | { ok: false; errors: FieldError[] } {
  const inOrder = (errors: FieldError[]) => ({ ok: false as const, errors: mergeErrorsInOrder([...reviewQuestions.map((q) => q.id), reviewDeclaration.id], errors) });
  const missing = missingReviewAnswers(values);
  if (missing.length) return inOrder(missing);
  const slug = blueprintAnswer(textOf(values, 'blueprint'));
  const entry = site.blueprints.get(slug);
  if (!entry) return inOrder([{ id: 'blueprint', message: notABlueprint(slug) }]);
  const verdict = textOf(values, 'verdict') as ReviewVerdict;
  const funding = fundingInOrder(listOf(values, 'funding'));
  let changed: string;
  try {
    changed = reviewedSource(entry.file.source, verdict, today, funding);
  } catch (error) {
    if (error instanceof ReviewError) return inOrder([{ id: 'blueprint', message: `The blueprint ${error.message}` }]);
    throw error;
  }
  if (changed === entry.file.source) {
    return inOrder([{ id: 'verdict', message: verdict === 'still-right' ? 'It was already marked reviewed today: there is nothing to send' : 'It is already marked as needing review: say what needs changing as feedback on the page instead' }]);
  }
  // Only what the review changed is the reviewer's to answer for: a problem elsewhere in the file was there before.
  const { problems: all } = validateContent([{ ...entry.file, source: changed }], { parser: nativeMdxParser, only: new Set([entry.file.path]), context: site.context });
  const problems = all.filter((p) => /^(lastReviewed|reviewBy|status|funding)(\.|$)/.test(p.field));
  if (problems.length) return inOrder([{ id: 'blueprint', message: `The blueprint cannot be marked this way (${problems[0].message}): a maintainer will do it by hand, so send feedback on the page instead` }]);
  const title = titleOf(entry);
  return { ok: true, review: { slug, title, path: entry.file.path, text: changed, verdict, today, funding, changes: textOf(values, 'changes'), role: textOf(values, 'role') } };
}

/** The label on every owner's review, whichever way it arrived. */
export const reviewLabel = 'owner-review';

/**
 * The pull request an owner's review becomes: what it changes, and in the reviewer's words what
 * needs changing. Like the others, it names the reviewer only if they asked (the name only).
 */
export function reviewPullRequestFor(r: CheckedReview, origin: { domain: string; creditName?: string }): PullRequestText {
  const from = sentFrom(origin, 'reviewer');
  const does = r.verdict === 'still-right'
    ? `The owner says it is still right: \`lastReviewed\` becomes ${r.today} and \`reviewBy\` goes, so the next review falls due a year later (a needs-review status goes back to published).`
    : 'The owner says something needs changing: `status: needs-review` shows readers that the page may be out of date until it is changed.';
  const body = [
    `**Blueprint:** ${inline(r.title)}, at \`${paths.blueprint(r.slug)}\` (file \`${r.path}\`)`,
    `**Review:** ${labelOf(reviewVerdicts, r.verdict)}`,
    does,
    ...(r.funding.length ? [`The owner says who paid for it: \`funding\` becomes ${r.funding.map((f) => labelOf(fundingSources, f)).join(', ')} (\`[${r.funding.join(', ')}]\`), unless the file said so already.`] : []),
    ...(r.role ? [`**Reviewer's role:** ${inline(r.role)}`] : []),
    ...(r.changes ? [`### What needs changing\n\n${quoted(r.changes)}`] : []),
    `### Where this came from\n\n${from} The reviewer confirmed they work in the team that wrote the blueprint or looks after it now. An address at ${origin.domain} does not show which organisation they are in: if in doubt, ask the blueprint's published contact to confirm before merging, or the gateway's operators to check the address. Replies here are not seen by the reviewer: a maintainer can reach them through the gateway's operators.`,
  ].join('\n\n');
  const summary = r.verdict === 'still-right' ? 'reviewed, still right' : 'needs changes';
  return {
    title: `Review: ${clipped(r.title, 100)} (${summary})`,
    body: `${body}\n`,
    labels: [reviewLabel, 'via-gateway'],
    commitMessage: `Review ${r.slug}: ${summary}\n\n${commitTrailer}`,
  };
}

/** A page whose parts can be changed: a blueprint, a playbook or a template. */
export type ChangeablePage = { kind: ChangeablePageKind; slug: string };

/** A page's title and parts, as the change page offers them. */
export interface PageParts {
  title: string;
  sections: BodySection[];
}

const changeableEntry = (site: SiteContent, page: ChangeablePage) => ({ blueprint: site.blueprints, playbook: site.playbooks, template: site.templates })[page.kind].get(page.slug);

/** The page's title and parts; undefined when the site has no such page. */
export function pageParts(site: SiteContent, page: ChangeablePage): PageParts | undefined {
  const entry = changeableEntry(site, page);
  if (!entry) return undefined;
  return { title: titleOf(entry), sections: changeablePartsOf(entry.file.source, page.kind) };
}

/** A suggested change that passed its checks, ready to become a pull request. */
export interface CheckedChange {
  kind: ChangeablePageKind;
  slug: string;
  title: string;
  /** The page's file in the repository. */
  path: string;
  /** The file with the change made to the gateway's copy (the worker makes it again to GitHub's). */
  text: string;
  /** The part's heading, its text as the contributor started from, and as it should read. */
  section: string;
  before: string;
  after: string;
  why: string;
  role: string;
}

/**
 * A suggested change, from a browser that is never trusted: every required answer and both
 * statements, a part of a blueprint, playbook or template of the site that still reads as the contributor started from
 * (when the page says), text that differs from it and adds no one's
 * contact details, and the changed file passing every check the build makes (a problem the file
 * had before is not the contributor's to answer for).
 */
export function checkChange(values: DraftValues, site: SiteContent): { ok: true; change: CheckedChange } | { ok: false; errors: FieldError[] } {
  const inOrder = (errors: FieldError[]) => ({ ok: false as const, errors: mergeErrorsInOrder([...changeQuestions.map((q) => q.id), changeDeclaration.id], errors) });
  const missing = missingChangeAnswers(values);
  if (missing.length) return inOrder(missing);
  const page = changedPageOf(textOf(values, 'page'));
  const entry = page && changeableEntry(site, page);
  if (!page || !entry) return inOrder([{ id: 'page', message: notAChangeablePage(textOf(values, 'page')) }]);
  const noun = `The ${page.kind}`;
  const section = textOf(values, 'section');
  const before = changeablePartsOf(entry.file.source, page.kind).find((p) => p.heading === section)?.text;
  if (before === undefined) return inOrder([{ id: 'section', message: `${noun} has no part headed “${clipped(section, 80)}”: choose one of the parts listed` }]);
  // What the contributor started from, when the page says (an API client may not): a part changed since is not theirs to overwrite.
  const started = textOf(values, 'original');
  if (started && normalisedText(started) !== before) return inOrder([{ id: 'text', message: `The part “${clipped(section, 80)}” has changed on the site since you started: choose “Start again from the part as it is now” and make your change again` }]);
  const after = normalisedText(textOf(values, 'text'));
  if (after === before) return inOrder([{ id: 'text', message: 'New text is the same as the part is now: change what needs changing' }]);
  const added = contactDetailsIn(after).find((d) => !before.includes(d.text));
  if (added) return inOrder([{ id: 'text', message: `New text seems to hold ${personalDataNames[added.kind]} that the part did not have: take it out, as everything here is published; the ${page.kind}'s contact is in its details` }]);
  let changed: string;
  try {
    changed = changedSource(entry.file.source, page.kind, section, before, after);
  } catch (error) {
    if (error instanceof ChangeError) return inOrder([{ id: 'text', message: `${noun} ${error.message}` }]);
    throw error;
  }
  const problemsOf = (source: string) => validateContent([{ ...entry.file, source }], { parser: nativeMdxParser, only: new Set([entry.file.path]), context: site.context }).problems;
  const had = new Set(problemsOf(entry.file.source).map((p) => `${p.field}\0${p.message}`));
  const problem = problemsOf(changed).find((p) => !had.has(`${p.field}\0${p.message}`));
  if (problem) return inOrder([{ id: 'text', message: `With this change the ${page.kind} would not pass the site's checks: ${problem.message}` }]);
  const title = titleOf(entry);
  return { ok: true, change: { kind: page.kind, slug: page.slug, title, path: entry.file.path, text: changed, section, before, after, why: textOf(values, 'why'), role: textOf(values, 'role') } };
}

/** The label on every suggested change, whichever way it arrived. */
export const changeLabel = 'suggested-change';

/** Who a maintainer agrees a suggested change with before merging it: the page's owners, or for a template (which has none) its sources. */
const whoAgrees: Record<ChangeablePageKind, string> = {
  blueprint: "They may not be one of the blueprint's owners: ask its published contact to agree the change before merging.",
  playbook: "They may not be one of the playbook's owners: ask its owner to agree the change before merging.",
  template: 'Templates have no owner outside the site team: check the change against the template’s sources, and the blueprints that use it, before merging.',
};

/** The pull request a suggested change becomes. Like the others, it names the contributor only if they asked (the name only). */
export function changePullRequestFor(c: CheckedChange, origin: { domain: string; creditName?: string }): PullRequestText {
  const from = sentFrom(origin, 'contributor');
  const body = [
    `**${c.kind[0].toUpperCase()}${c.kind.slice(1)}:** ${inline(c.title)}, at \`${paths[c.kind](c.slug)}\` (file \`${c.path}\`)`,
    `**Part changed:** ${inline(c.section)}. Nothing else in the file changes: the contributor edited the part as the site had it, and the change is made only if it still read so on GitHub when sent.`,
    ...(c.role ? [`**Contributor's role:** ${inline(c.role)}`] : []),
    `### Why it should change\n\n${quoted(c.why)}`,
    `### Where this came from\n\n${from} ${whoAgrees[c.kind]} Replies here are not seen by the contributor: a maintainer can reach them through the gateway's operators.`,
  ].join('\n\n');
  return {
    title: `Change: ${clipped(c.title, 100)} (${clipped(c.section, 60)})`,
    body: `${body}\n`,
    labels: [changeLabel, 'via-gateway'],
    commitMessage: `Change “${clipped(c.section, 60)}” in ${c.slug}\n\n${commitTrailer}`,
  };
}

/** The contribution questions, whose ids are the only answers the gateway keeps. */
export { questions, adoptionQuestions, adoptionDeclaration, keptAdoptionAnswers, feedbackQuestions, feedbackDeclaration, reviewQuestions, reviewDeclaration, changeQuestions, changeDeclaration };
