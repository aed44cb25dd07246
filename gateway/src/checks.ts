/**
 * Where a proposal is checked. Every check the site makes (./proposal.ts) costs a millisecond or
 * more of CPU, and the request waits for its check, so problems come back field by field before
 * anything is accepted.
 *
 * With `GATEWAY_CHECK_THREADS=0` (the default) `checksInProcess` runs them on the event-loop
 * thread, where that time is added to every other request waiting behind it; otherwise a pool of
 * worker threads (piscina, https://github.com/piscinajs/piscina) runs them, each with its own copy
 * of the site's content, and the event loop only stores and answers.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { pageParts, type ChangeablePage, type PageParts, type SiteContent } from './content';
import { payloadFor, type ProposalOptions, type ProposalResult } from './proposal';
import type { DraftValues } from './content';
import type { CheckAnswer, CheckTask } from './check-thread';
import type { SubmissionKind } from './store';

export interface Checks {
  /** Checks the answers and makes what goes to GitHub from them, or says what is wrong, field by field. */
  proposal(kind: SubmissionKind, answers: DraftValues, options: ProposalOptions): Promise<ProposalResult>;
  /** A blueprint's, playbook's or template's title and parts, for the change page; undefined when the site has no such page. */
  parts(page: ChangeablePage): Promise<PageParts | undefined>;
  close(): Promise<void>;
}

export function checksInProcess(site: SiteContent): Checks {
  return {
    proposal: async (kind, answers, options) => payloadFor(kind, answers, site, options),
    parts: async (page) => pageParts(site, page),
    close: async () => {},
  };
}

/**
 * A pool of `threads` worker threads, each reading the site's content under `contentRoot` once.
 * Resolves when every thread has read it, so a broken content folder stops the gateway at start.
 */
export async function checkPool(contentRoot: string, threads: number): Promise<Checks> {
  const pool = new Piscina<CheckTask, CheckAnswer>({
    // A JavaScript entry that loads the TypeScript through tsx, whatever the parent thread runs under.
    filename: fileURLToPath(new URL('./check-thread.mjs', import.meta.url)),
    workerData: { contentRoot },
    minThreads: threads,
    maxThreads: threads,
    // Threads stay up: each holds the site's content, which takes the best part of a second to read.
    idleTimeout: Number.POSITIVE_INFINITY,
    // First come, first checked. By default a task that finds every thread busy goes to the back
    // of the queue, so under a steady stream one contributor can wait many times as long as the rest.
    stricterFIFO: true,
  });
  try {
    // One task per thread while all are busy reading, so every thread reads before the first contributor waits on it.
    await Promise.all(Array.from({ length: threads }, () => pool.run({ kind: 'ready' })));
  } catch (error) {
    await pool.destroy();
    throw new Error(`The check threads could not read the site's content under ${contentRoot} (${(error as Error).message}): set GATEWAY_CONTENT_ROOT to a checkout of the site`, { cause: error });
  }
  return {
    proposal: async (kind, answers, options) => (await pool.run({ kind: 'proposal', proposing: kind, answers, options })) as ProposalResult,
    parts: async (page) => (await pool.run({ kind: 'parts', page })) as PageParts | undefined,
    close: () => pool.close(),
  };
}
