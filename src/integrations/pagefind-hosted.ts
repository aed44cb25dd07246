/**
 * The search index kept by `npm run build` (scripts/build.mjs) rather than by Astro's process:
 * Astro sends each indexed page over the IPC channel as it renders it, and the index is written
 * once Astro has exited. Writing an index is Pagefind's largest moment: at 10,000 blueprints its
 * process grows from about 0.9 to 3.6 GiB while it writes, and in Astro's process that came on top
 * of the 3.7 GiB Astro still held after rendering (a peak of 7.4 GiB, measured per process).
 * Pages still reach Pagefind while Astro renders, so reading them overlaps rendering as before.
 *
 * Both ends are here, so the messages have one definition. `astro build` run directly has no
 * parent to host the index and keeps it in Astro's process (./pagefind.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closePagefind } from './pagefind-close.mjs';
import { SearchIndex } from './pagefind-index';

/** Set by the parent in Astro's environment: "parent" means pages go over the IPC channel. */
export const hostVariable = 'BLUEPRINT_COMMONS_SEARCH_INDEX';

/**
 * How the parent starts Astro's channel: V8's serializer rather than JSON, which escapes every
 * quote of the HTML in Astro's process and parses it back in the parent. 3,118 built blueprint
 * pages (90.6 MB) sent took 0.93–1.18 s of CPU with JSON and 0.37–0.66 s this way, both processes
 * together (three runs of a script outside the repository): about 0.2 s less per 1,000 pages.
 */
export const hostSerialization = 'advanced' as const;

type Message =
  | { searchIndex: 'start'; outputPath: string }
  | { searchIndex: 'expect'; paths: string[] }
  | { searchIndex: 'add'; path: string; html: string | undefined }
  | { searchIndex: 'done' };

/** True in an Astro process started by a parent that hosts the index. */
export function indexHostedByParent(): boolean {
  return process.env[hostVariable] === 'parent' && typeof process.send === 'function';
}

/** Astro's end: the same calls as SearchIndex, sent to the parent. */
export class HostedSearchIndex {
  constructor(outputPath: string) {
    this.send({ searchIndex: 'start', outputPath });
  }

  expect(paths: string[]): void {
    this.send({ searchIndex: 'expect', paths });
  }

  add(path: string, html: string | undefined): void {
    this.send({ searchIndex: 'add', path, html });
  }

  /** Resolves once every message, this last one included, has been handed to the channel. */
  finish(): Promise<void> {
    return new Promise((resolve, reject) => {
      process.send!({ searchIndex: 'done' } satisfies Message, undefined, {}, (error) => (error ? reject(error) : resolve()));
    });
  }

  private send(message: Message): void {
    process.send!(message);
  }
}

export interface IndexHost {
  /**
   * Once Astro has exited successfully: takes the messages still on their way, writes the index
   * and returns how many pages it holds.
   */
  write(): Promise<number>;
  /** Stops Pagefind without writing (Astro failed). */
  abort(): Promise<void>;
}

/** The parent's end: keeps the index Astro (`child`) sends pages to. */
export function hostSearchIndex(child: ChildProcess): IndexHost {
  let index: SearchIndex | undefined;
  let done = false;
  child.on('message', (message: Message) => {
    switch (message?.searchIndex) {
      case 'start':
        index = new SearchIndex(message.outputPath, { writeWhenComplete: false });
        break;
      case 'expect':
        index?.expect(message.paths);
        break;
      case 'add':
        index?.add(message.path, message.html);
        break;
      case 'done':
        done = true;
        break;
    }
  });
  return {
    async write() {
      try {
        if (child.connected) await once(child, 'disconnect');
        if (!index) throw new Error('Pagefind did not run: Astro rendered no pages through the search integration');
        if (!done) throw new Error('Pagefind was not given every page: Astro exited before its build finished');
        return await index.finish();
      } finally {
        await closePagefind();
      }
    },
    abort: async () => {
      await closePagefind();
    },
  };
}
