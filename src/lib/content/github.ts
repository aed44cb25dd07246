/**
 * Addresses on github.com for the site's repository ("owner/name"), in one place: the pages, the
 * drafting form in the browser, the issue bot and the reminders all link to GitHub through these.
 * No imports, so it runs anywhere.
 */

/** The repository's home page. */
export function githubRepository(repository: string): string {
  return `https://github.com/${repository}`;
}

/** A file on a branch, as GitHub shows it. */
export function githubFile(repository: string, branch: string, filePath: string): string {
  return `${githubRepository(repository)}/blob/${branch}/${filePath}`;
}

/** GitHub's editor for a file on a branch; someone without write access gets a copy (a fork) to change. */
export function githubEdit(repository: string, branch: string, filePath: string): string {
  return `${githubRepository(repository)}/edit/${branch}/${filePath}`;
}

/** GitHub's "create new file" page on a branch, to which the caller adds `filename` and `value`. */
export function githubNewFile(repository: string, branch: string): string {
  return `${githubRepository(repository)}/new/${encodeURIComponent(branch)}`;
}

/** GitHub's new-issue page, without a query: a form that sends its fields there fills in an issue form. */
export function githubNewIssue(repository: string): string {
  return `${githubRepository(repository)}/issues/new`;
}

/** The name GitHub knows an issue form by, its file's name: ".github/ISSUE_TEMPLATE/feedback.yml" is "feedback.yml". */
export function issueTemplateName(formFile: string): string {
  return formFile.slice(formFile.lastIndexOf('/') + 1);
}

/**
 * A new issue from one of the repository's issue forms (given by its file), with fields filled in:
 * GitHub fills a field from the query parameter named after its id. Spaces are written %20, not
 * the + that URLSearchParams writes.
 */
export function githubIssueForm(repository: string, formFile: string, fields: Record<string, string> = {}): string {
  const query = new URLSearchParams({ template: issueTemplateName(formFile), ...fields });
  return `${githubNewIssue(repository)}?${query.toString().replace(/\+/g, '%20')}`;
}

/** GitHub's private vulnerability reporting for the repository (SECURITY.md). */
export function githubSecurityReport(repository: string): string {
  return `${githubRepository(repository)}/security/advisories/new`;
}
