/**
 * A proposal as it goes to GitHub: the answers checked with every check the site makes, then the
 * file and the pull request's text made from them. Made when the contributor sends it (so what
 * was checked is what is sent) and stored with the submission.
 */
import { checkDraft, pullRequestFor, type DraftValues, type FieldError, type SiteContent } from './content';
import type { Payload } from './store';

export interface ProposalOptions {
  /** The date the proposal was first sent (YYYY-MM-DD), which some checks compare against. */
  today: string;
  notDuplicate: boolean;
  domain: string;
  creditName: string | null;
}

export type ProposalResult = Payload | { errors: FieldError[] };

/** Checks the answers and makes what goes to GitHub from them, or says what is wrong, field by field. */
export function payloadFor(answers: DraftValues, site: SiteContent, o: ProposalOptions): ProposalResult {
  const checked = checkDraft(answers, site, { today: o.today, notDuplicate: o.notDuplicate });
  if (!checked.ok) return { errors: checked.errors };
  const text = pullRequestFor(checked.draft, site, { domain: o.domain, creditName: o.creditName ?? undefined });
  return { path: checked.draft.path, mdx: checked.draft.mdx, ...text };
}
