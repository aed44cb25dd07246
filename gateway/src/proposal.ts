/**
 * A proposal as it goes to GitHub: the answers checked with every check the site makes, then the
 * file and the pull request's text made from them. Made when the contributor sends it (so what
 * was checked is what is sent) and stored with the submission.
 *
 * Five kinds come through the gateway: a new blueprint (the drafting form's questions), an
 * adoption record (the "We are using this" questions), an owner's review of a blueprint (the
 * review questions, changing its review dates or status) and a suggested change to one part of a
 * blueprint, playbook or template (the change questions) become pull requests; feedback on a page
 * (the feedback questions) becomes an issue, and changes no file.
 */
import { changePullRequestFor, checkAdoption, checkChange, checkDraft, checkFeedback, checkReview, feedbackIssueFor, pullRequestFor, reviewPullRequestFor, type DraftValues, type FieldError, type SiteContent } from './content';
import type { Payload, SubmissionKind } from './store';

export interface ProposalOptions {
  /** The date the proposal was first sent (YYYY-MM-DD), which some checks compare against. */
  today: string;
  notDuplicate: boolean;
  domain: string;
  creditName: string | null;
}

export type ProposalResult = Payload | { errors: FieldError[] };

/** Checks the answers and makes what goes to GitHub from them, or says what is wrong, field by field. */
export function payloadFor(kind: SubmissionKind, answers: DraftValues, site: SiteContent, o: ProposalOptions): ProposalResult {
  if (kind === 'feedback') {
    const checked = checkFeedback(answers, site);
    if (!checked.ok) return { errors: checked.errors };
    return { path: '', text: '', ...feedbackIssueFor(checked.feedback, { domain: o.domain, creditName: o.creditName ?? undefined }) };
  }
  if (kind === 'review') {
    const checked = checkReview(answers, site, o.today);
    if (!checked.ok) return { errors: checked.errors };
    const { review } = checked;
    return { path: review.path, text: review.text, review: { verdict: review.verdict, today: review.today, funding: review.funding }, ...reviewPullRequestFor(review, { domain: o.domain, creditName: o.creditName ?? undefined }) };
  }
  if (kind === 'change') {
    const checked = checkChange(answers, site);
    if (!checked.ok) return { errors: checked.errors };
    const { change } = checked;
    return { path: change.path, text: change.text, change: { section: change.section, before: change.before, after: change.after }, ...changePullRequestFor(change, { domain: o.domain, creditName: o.creditName ?? undefined }) };
  }
  const checked = kind === 'adoption' ? checkAdoption(answers, site) : checkDraft(answers, site, { today: o.today, notDuplicate: o.notDuplicate });
  if (!checked.ok) return { errors: checked.errors };
  const text = pullRequestFor(checked.draft, site, { domain: o.domain, creditName: o.creditName ?? undefined });
  return { path: checked.draft.path, text: checked.draft.text, ...text };
}
