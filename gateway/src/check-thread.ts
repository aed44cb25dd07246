/**
 * One thread of the check pool (./checks.ts): reads the site's content once, on its first task,
 * then checks proposals with it, and gives the change page a blueprint's, playbook's or template's parts.
 */
import { workerData } from 'node:worker_threads';
import { pageParts, readSiteContent, type ChangeablePage, type DraftValues, type PageParts, type SiteContent } from './content';
import { payloadFor, type ProposalOptions, type ProposalResult } from './proposal';
import type { SubmissionKind } from './store';

export type CheckTask = { kind: 'ready' } | { kind: 'proposal'; proposing: SubmissionKind; answers: DraftValues; options: ProposalOptions } | { kind: 'parts'; page: ChangeablePage };
export type CheckAnswer = ProposalResult | PageParts | undefined | null;

let site: SiteContent | undefined;

export function checkTask(task: CheckTask): CheckAnswer {
  site ??= readSiteContent((workerData as { contentRoot: string }).contentRoot);
  if (task.kind === 'proposal') return payloadFor(task.proposing, task.answers, site, task.options);
  return task.kind === 'parts' ? pageParts(site, task.page) : null;
}
