/**
 * Handing a finished draft to GitHub: the issue form pre-filled with its answers, GitHub's
 * "create new file" page with the file written, each kept under GitHub's address length.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import { githubIssueForm, githubNewFile } from '../content/github';
import { labelOf } from '../schema/taxonomy';
import { draftToMdx, slugFromTitle, withOrganisationName, type DraftOptions } from './draft';
import { linesOf, listOf, textOf, type DraftValues } from './answers';
import { issueFormFile } from './issue-form-files';
import { canonicalPath } from './plan';
import { organisationNotListed, questions, type Question } from './questions';

/** GitHub keeps addresses to about 8,000 characters; longer ones fail with "URI too long". */
export const maxUrlLength = 8000;

/** Where a new blueprint file goes in the repository. */
export function draftPath(slug: string): string {
  return canonicalPath('blueprint', slug);
}

/**
 * An answer as the issue form takes it: labels for its dropdowns (GitHub lists the labels, and
 * the issue bot reads labels or values), one key question per line, text as written (an
 * organisation not listed stays `not-listed`, which the issue form asks for too).
 */
function issueValue(question: Question, values: DraftValues): string {
  if (question.kind === 'one' || question.kind === 'many') return listOf(values, question.id).map((v) => labelOf(question.terms ?? [], v)).join(', ');
  if (question.kind === 'lines') return linesOf(textOf(values, question.id)).join('\n');
  return textOf(values, question.id);
}

export interface IssueLink {
  url: string;
  /** Questions left out to keep the address under GitHub's limit; the author pastes them in. */
  omitted: Question[];
}

/**
 * The issue form, pre-filled. GitHub takes `title` as the issue's title, and the Title question
 * has the id `title` too, so the blueprint title goes there as it is: whichever of the two GitHub
 * fills, the bot reads the same title back. Every other answer goes under its id. When the
 * address would be too long, the longest body sections are left out (and listed) until it fits:
 * everything else in a valid draft is short.
 */
export function issueFormUrl(repository: string, values: DraftValues): IssueLink {
  const base = githubIssueForm(repository, issueFormFile);
  const params = questions
    .filter((q) => q.id !== 'title')
    .map((question) => ({ question, value: issueValue(question, values) }))
    .filter((p) => p.value);
  const build = (included: typeof params) =>
    [base, `title=${encodeURIComponent(textOf(values, 'title'))}`, ...included.map((p) => `${p.question.id}=${encodeURIComponent(p.value)}`)].join('&');

  const omitted: Question[] = [];
  let included = params;
  let url = build(included);
  const sectionsBySize = params.filter((p) => p.question.kind === 'section').sort((a, b) => b.value.length - a.value.length);
  for (const drop of sectionsBySize) {
    if (url.length <= maxUrlLength) break;
    included = included.filter((p) => p !== drop);
    omitted.push(drop.question);
    url = build(included);
  }
  return { url, omitted };
}

/**
 * GitHub's "create new file" page with the file already written, or undefined when the address
 * would be too long (the author downloads the file instead). People without write access get a
 * copy of the repository (a fork) and a pull request from it.
 */
export function newFileUrl(repository: string, branch: string, slug: string, mdx: string): string | undefined {
  const url = `${githubNewFile(repository, branch)}?filename=${draftPath(slug)}&value=${encodeURIComponent(mdx)}`;
  return url.length <= maxUrlLength ? url : undefined;
}

export interface HandOff {
  slug: string;
  /** e.g. moving-40-wards-to-electronic-observations.mdx */
  fileName: string;
  mdx: string;
  issue: IssueLink;
  /** Undefined when too long for an address, or when the organisation still has to be added. */
  newFile?: string;
  /** Why there is no new-file link, when there is none. */
  newFileUnavailable?: 'too-long' | 'organisation-not-listed';
}

/** Everything the form offers once a draft is valid. */
export function handOff(values: DraftValues, options: DraftOptions & { repository: string; branch: string }): HandOff {
  const slug = slugFromTitle(textOf(values, 'title'));
  const mdx = draftToMdx(values, options);
  const issue = issueFormUrl(options.repository, values);
  if (textOf(values, 'organisation') === organisationNotListed) {
    // The downloaded file carries the organisation's full name, which its front-matter cannot.
    return { slug, fileName: `${slug}.mdx`, mdx: withOrganisationName(mdx, textOf(values, 'organisation-name')), issue, newFileUnavailable: 'organisation-not-listed' };
  }
  const newFile = newFileUrl(options.repository, options.branch, slug, mdx);
  return { slug, fileName: `${slug}.mdx`, mdx, issue, newFile, newFileUnavailable: newFile ? undefined : 'too-long' };
}
