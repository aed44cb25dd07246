/**
 * The search index written by `npm run build` (scripts/build.mjs) rather than by Astro's process:
 * once Astro has written every page it names the built site over the IPC channel, and the parent
 * indexes it after Astro has exited. Writing an index is Pagefind's largest moment: at 10,000
 * blueprints its process grows from about 0.9 to 3.6 GiB while it writes, and in Astro's process
 * that came on top of the 3.7 GiB Astro still held after rendering (a peak of 7.4 GiB, measured
 * per process).
 *
 * Both ends are here, so the message has one definition. `astro build` run directly has no
 * parent to host the index and writes it in Astro's process (./pagefind.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeSearchIndex } from './pagefind-index';

/** Set by the parent in Astro's environment: "parent" means the parent writes the index. */
export const hostVariable = 'BLUEPRINT_COMMONS_SEARCH_INDEX';

/** Sent once Astro has written every page: the folder the site was built into. */
type Message = { searchIndex: 'site'; path: string };

/** True in an Astro process started by a parent that hosts the index. */
export function indexHostedByParent(): boolean {
  return process.env[hostVariable] === 'parent' && typeof process.send === 'function';
}

/** Astro's end: names the built site. Resolves once the message has been handed to the channel. */
export function handOverSite(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.send!({ searchIndex: 'site', path } satisfies Message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * The parent's end, for Astro's process `child`. Once Astro has exited successfully, `write`
 * indexes the site it named and returns how many pages the index holds.
 */
export function hostSearchIndex(child: ChildProcess): { write(): Promise<number> } {
  let site: string | undefined;
  child.on('message', (message: Message) => {
    if (message?.searchIndex === 'site') site = message.path;
  });
  return {
    async write() {
      if (child.connected) await once(child, 'disconnect');
      if (site === undefined) throw new Error('Astro exited without saying its pages were written, so there is nothing to index');
      return writeSearchIndex(site);
    },
  };
}
