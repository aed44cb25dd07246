/**
 * Proposals being accepted (checked, stored, answered), counted, so that work which can wait
 * lets them go first. The gateway has one event-loop thread: each step of sending a submission
 * to GitHub (building the client, every request's response) runs on it too, and a contributor
 * whose request arrives meanwhile waits for that step before the gateway even reads their form.
 * So the worker asks `quiet()` before each step; a steady stream of proposals delays it by
 * `maxWaitMs` a step at most, so it is never starved.
 */
import type { GitHubApi } from './content';

export class Accepting {
  private count = 0;
  private waiting: (() => void)[] = [];

  constructor(private readonly maxWaitMs: number) {}

  /** How many proposals are being accepted now. */
  get inFlight(): number {
    return this.count;
  }

  /** A proposal arrived; call `end` exactly once when it has been answered or abandoned. */
  begin(): () => void {
    this.count += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.count -= 1;
      if (this.count === 0) for (const wake of this.waiting.splice(0)) wake();
    };
  }

  /**
   * Resolves once no proposal is being accepted, or after `maxWaitMs`, whichever is first. It
   * first lets the event loop take in what has arrived, so a request already on its way is
   * counted: the second setImmediate runs in the next turn of the loop, after it has polled for
   * I/O (https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick).
   */
  async quiet(): Promise<void> {
    for (let turn = 0; turn < 2; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.count === 0) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting = this.waiting.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, this.maxWaitMs);
      this.waiting.push(done);
    });
  }

  /** A GitHub client whose every request, and the work on its answer, waits for `quiet()` first. */
  waitingFor(api: GitHubApi): GitHubApi {
    return {
      request: async (route, params) => (await this.quiet(), api.request(route, params)),
      paginate: async (route, params) => (await this.quiet(), api.paginate(route, params)),
    } as GitHubApi;
  }
}
