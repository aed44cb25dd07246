/**
 * One thread of the check pool (./checks.ts): reads the site's content once, on its first task,
 * then checks proposals with it.
 */
import { workerData } from 'node:worker_threads';
import { readSiteContent, type DraftValues, type SiteContent } from './content';
import { payloadFor, type ProposalOptions, type ProposalResult } from './proposal';

export type CheckTask = { kind: 'ready' } | { kind: 'proposal'; answers: DraftValues; options: ProposalOptions };

let site: SiteContent | undefined;

export function checkTask(task: CheckTask): ProposalResult | null {
  site ??= readSiteContent((workerData as { contentRoot: string }).contentRoot);
  return task.kind === 'proposal' ? payloadFor(task.answers, site, task.options) : null;
}
