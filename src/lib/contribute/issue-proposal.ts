/**
 * The issue bot's rules, from a "Propose a blueprint" issue to the file, the problems to tell
 * the proposer and the pull request: pure, so scripts/propose-from-issue.ts only reads the issue,
 * calls these and talks to GitHub. The issue is a stranger's text: it is read as data and the
 * file it becomes goes through the full validator, MDX safety gate included.
 */
import { parseSource } from '../content/front-matter';
import { renderBlueprint } from '../content/render-blueprint';
import type { Organisation } from '../schema';
import { validateContent, type ContentFile, type MdxParser } from '../validate';
import { proposalFromIssue } from './issue-answers';
import { adoptionLabel, proposalLabel } from './issue-form';
import { proposalProblems, type ProposalProblem } from './issue-comment';
import { questionById } from './questions';
import { canonicalPath, planContribution, type ContributionEntry, type ContributionPlan } from './plan';
import { pullRequestBody } from './pull-request-body';
import { slugForTitle } from './slug';

export interface Issue {
  number: number;
  title: string;
  body: string;
  state: string;
  labels: string[];
  author?: { login: string; id?: number };
  createdAt: string;
  isPullRequest: boolean;
}

/** Reads only the fields used from an issue in an event payload or API answer, checking each one's type. */
export function issueFrom(raw: unknown, now: Date): Issue | undefined {
  const i = raw as Record<string, unknown> | undefined;
  if (!i || typeof i.number !== 'number' || !Number.isInteger(i.number)) return undefined;
  const user = i.user as { login?: unknown; id?: unknown } | undefined;
  return {
    number: i.number,
    title: typeof i.title === 'string' ? i.title : '',
    body: typeof i.body === 'string' ? i.body : '',
    state: typeof i.state === 'string' ? i.state : 'open',
    labels: Array.isArray(i.labels) ? i.labels.map((l) => (typeof l === 'string' ? l : (l as { name?: unknown })?.name)).filter((l): l is string => typeof l === 'string') : [],
    author: typeof user?.login === 'string' ? { login: user.login, id: typeof user.id === 'number' ? user.id : undefined } : undefined,
    createdAt: typeof i.created_at === 'string' && /^\d{4}-\d{2}-\d{2}/.test(i.created_at) ? i.created_at : now.toISOString(),
    isPullRequest: Boolean(i.pull_request),
  };
}

/** Only open issues carrying the proposal or adoption label are proposals; pull requests never are. */
export function isOpenProposal(issue: Issue): boolean {
  return !issue.isPullRequest && issue.state === 'open' && (issue.labels.includes(proposalLabel) || issue.labels.includes(adoptionLabel));
}

/** What an open proposal asks for: an adoption record from the "We are using this" form, otherwise a blueprint. */
export function proposalKind(issue: Issue): 'adoption' | 'blueprint' {
  return issue.labels.includes(adoptionLabel) && !issue.labels.includes(proposalLabel) ? 'adoption' : 'blueprint';
}

/**
 * The organisation a proposer meant: its slug as written, or its full or short name, which
 * people often write instead. Undefined when it is not on the site.
 */
export function matchOrganisation(answer: string, organisations: ReadonlyMap<string, Organisation>): string | undefined {
  const wanted = answer.trim().toLowerCase();
  if (organisations.has(wanted)) return wanted;
  return [...organisations].find(([, o]) => o.name.toLowerCase() === wanted || o.shortName?.toLowerCase() === wanted)?.[0];
}

/**
 * The file name for a proposal: from its title, or, for a title with no Latin letters or digits
 * to make one from (Chinese, emoji), from the issue number and a short hash of the title, so two
 * such proposals never share a file or a branch.
 */
export function proposalSlug(title: string, issueNumber: number): string {
  return slugForTitle(title, `issue-${issueNumber}`);
}

/** The commit trailer that credits the proposer, with GitHub's no-reply address for them. */
export function coAuthorLine(author: Issue['author']): string | undefined {
  if (!author || !/^[A-Za-z0-9-]+$/.test(author.login)) return undefined;
  return `${author.login} <${author.id ? `${author.id}+` : ''}${author.login}@users.noreply.github.com>`;
}

/**
 * Whether a pull request stands approved: some reviewer's latest verdict (comments aside) is an
 * approval. Reviews in the order GitHub gives them, oldest first.
 */
export function standsApproved(reviews: readonly { user?: { login?: string } | null; state?: string }[]): boolean {
  const latest = new Map<string, string>();
  for (const r of reviews) {
    if (r.state === 'APPROVED' || r.state === 'CHANGES_REQUESTED' || r.state === 'DISMISSED') latest.set(r.user?.login ?? '', r.state);
  }
  return [...latest.values()].includes('APPROVED');
}

/** The branch prefix for one issue's proposal; the slug after it may change as the title does. */
export function proposalBranchPrefix(issueNumber: number): string {
  return `proposal/issue-${issueNumber}-`;
}

/**
 * An organisation new to the site is not the proposer's mistake: a maintainer adds it first. When
 * the proposer gave its full name, the problem with the organisation answer (`where`) says so instead.
 */
export function organisationToAdd(found: ProposalProblem[], newOrganisation: string | undefined, where: string): void {
  if (!newOrganisation) return;
  const at = found.findIndex((p) => p.where === where);
  const message = `"${newOrganisation}" is not on the site yet. A maintainer will add it; once they have, edit this issue (any small change will do) and the checks run again.`;
  if (at >= 0) found.splice(at, 1, { where, message });
  else found.unshift({ where, message });
}

/** Organisations on the site, by slug, from every content file. */
export function organisationsIn(files: readonly ContentFile[], parser: MdxParser): Map<string, Organisation> {
  return new Map(
    validateContent(files.filter((f) => f.kind === 'organisation'), { parser }).corpus.entries
      .filter((e) => e.data)
      .map((e) => [e.slug, e.data as Organisation]),
  );
}

export interface CheckedProposal {
  slug: string;
  /** The file the issue becomes: a blueprint, or an adoption record (./adoption-proposal.ts). */
  rendered: string;
  /** Where it goes in the repository. */
  repoPath: string;
  /** What the proposer has to change, by question; empty when it can become a pull request. */
  problems: ProposalProblem[];
  entry: ContributionEntry;
  organisations: Map<string, Organisation>;
}

/**
 * Turns an issue into a blueprint file and checks it, alongside `files` (every content file),
 * as the build would, parsing MDX with `parser` (the build's own, in the bot). `blueprintsDir` is
 * the project path of the blueprints folder among `files`.
 */
export function checkIssueProposal(issue: Issue, files: readonly ContentFile[], blueprintsDir: string, parser: MdxParser): CheckedProposal {
  const organisations = organisationsIn(files, parser);
  const illustrativeOrganisations = [...organisations].filter(([, o]) => o.illustrative).map(([slug]) => slug);
  const proposal = proposalFromIssue(issue.body, { published: issue.createdAt.slice(0, 10), author: issue.author?.login, issueTitle: issue.title, illustrativeOrganisations });
  const matched = matchOrganisation(String(proposal.data.organisation ?? ''), organisations);
  if (matched) {
    proposal.data.organisation = matched;
    // Made-up organisations only publish made-up examples, and real ones real work (the illustrative rule).
    proposal.data.illustrative = organisations.get(matched)!.illustrative;
  }
  const slug = proposalSlug(String(proposal.data.title ?? ''), issue.number);
  const rendered = renderBlueprint(proposal.data, proposal.sections);
  const localPath = `${blueprintsDir}/${slug}.mdx`;
  const { corpus, problems } = validateContent(
    [...files.filter((f) => f.path !== localPath), { path: localPath, source: rendered, kind: 'blueprint' }],
    { parser, only: new Set([localPath]) },
  );
  const found = proposalProblems(problems, rendered, parseSource(rendered).bodyLine, proposal.missing);
  if (!matched) organisationToAdd(found, proposal.extras['organisation-name'], questionById('organisation')!.label);
  if (files.some((f) => f.path === localPath)) {
    found.unshift({ where: questionById('title')!.label, message: `gives the web address /blueprints/${slug}/, which another blueprint already has: change the title a little` });
  }
  const entry: ContributionEntry = { kind: 'blueprint', slug, sourcePath: `issue #${issue.number}`, data: corpus.entries.find((e) => e.file.path === localPath)?.data };
  return { slug, rendered, repoPath: canonicalPath('blueprint', slug), problems: found, entry, organisations };
}

/** The pull request for a proposal that passed: on the branch already open for the issue, if there is one. */
export function proposalPullRequest(issue: Issue, checked: CheckedProposal, existingBranch?: string): { plan: ContributionPlan; body: string } {
  const plan = planContribution([checked.entry], {
    branch: existingBranch ?? `${proposalBranchPrefix(issue.number)}${checked.slug}`,
    coAuthor: coAuthorLine(issue.author),
  });
  const body = pullRequestBody([checked.entry], { issue: issue.number, labels: plan.labels, organisationName: (s) => checked.organisations.get(s)?.name });
  return { plan, body };
}
