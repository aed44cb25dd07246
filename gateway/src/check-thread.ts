/**
 * One thread of the check pool (./checks.ts): reads the site's content once, on its first task,
 * then checks proposals with it.
 */
import { workerData } from 'node:worker_threads';
import { readSiteContent, type DraftValues, type SiteContent } from './content';
import { payloadFor, type ProposalOptions, type ProposalResult } from './proposal';
import type { SubmissionKind } from './store';

export type CheckTask = { kind: 'ready' } | { kind: 'proposal'; proposing: SubmissionKind; answers: DraftValues; options: ProposalOptions };

let site: SiteContent | undefined;

export function checkTask(task: CheckTask): ProposalResult | null {
  site ??= readSiteContent((workerData as { contentRoot: string }).contentRoot);
  return task.kind === 'proposal' ? payloadFor(task.proposing, task.answers, site, task.options) : null;
}
