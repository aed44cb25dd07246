/**
 * One read of each content file: in `astro build`, what the content gate read and passed is what
 * the site is built from. The gate leaves each file's text and validated data here; the content
 * collections' loader (src/content.config.ts) puts that data in Astro's store instead of reading
 * and parsing every file again, and a Vite plugin hands the MDX compiler the text the gate judged
 * instead of reading the file from disk a second time. So a file changed, added or swapped after
 * the gate ran can never be compiled unjudged: its judged text is, or the build stops.
 *
 * A process-wide slot, as in ./search-data-slot.ts: the integration and src/content.config.ts are
 * separate module instances. Outside a build (`astro dev`, `astro sync`) the slot is empty and the
 * collections use Astro's own glob loader, which follows edits as they happen.
 */
import { join, posix, relative, sep } from 'node:path';
import type { Loader } from 'astro/loaders';
import type { Plugin } from 'vite';

/** A file the content gate read and passed, by its absolute real path. */
export interface JudgedFile {
  /** Its path from the project root, as the gate names it (and Astro's store records it). */
  path: string;
  /** What the gate read: the only text the build compiles. */
  source: string;
  /** The content kind the gate read it as, e.g. "blueprint" or "organisation". */
  kind: string;
  slug: string;
  /** The front-matter or YAML as the schema returned it. */
  data: unknown;
  /** An MDX file's body, as the gate parsed it ('' for YAML). */
  body: string;
}

export interface JudgedContent {
  /** The content folder's real path. */
  folder: string;
  /** The content folder as configured, if a link above it makes that differ from the real path. */
  named?: string;
  files: Map<string, JudgedFile>;
  /** Set once the entries' data has been let go (releaseStoredData). */
  released?: boolean;
}

const slot = Symbol.for('blueprint-commons:judged-content');
type Slot = { [slot]?: JudgedContent };

export function leaveJudgedContent(content: JudgedContent | undefined): void {
  (globalThis as Slot)[slot] = content;
}

export function judgedContent(): JudgedContent | undefined {
  return (globalThis as Slot)[slot];
}

/** What the search vocabulary reads while pages render (src/data/search.ts). */
const vocabularyKinds = new Set(['glossary', 'synonyms']);

/**
 * Once Astro's store holds the entries (`astro:build:start` comes after the content sync), the
 * build needs only each file's text, for the compiler, and the search vocabulary's data: the rest
 * is let go, so thousands of entries' data are not held through the whole build twice.
 */
export function releaseStoredData(judged: JudgedContent): void {
  judged.released = true;
  for (const file of judged.files.values()) {
    if (vocabularyKinds.has(file.kind)) continue;
    file.data = undefined;
    file.body = '';
  }
}

const inside = (folder: string, path: string) => path.startsWith(folder + sep);

/** The validated data of every judged file of one kind, in path order. */
export function judgedData(judged: JudgedContent, kind: string): unknown[] {
  return [...judged.files.values()].filter((f) => f.kind === kind).map((f) => f.data);
}

/**
 * The collection of one content kind: in a build, the files of that kind the gate passed, with
 * the gate's data (the same schema already ran, so Astro's `parseData` is not run again) and, with
 * `retainBody`, its MDX body; otherwise `fallback`. MDX entries are rendered later from their
 * module (`deferredRender`), which the plugin below serves from the gate's text. Entries whose
 * file is gone are removed, as Astro's glob loader removes them, so a cached store never keeps a
 * deleted blueprint.
 */
export function judgedOr(
  kind: string,
  fallback: Loader,
  { entriesOf = (file) => [{ id: file.slug, data: file.data }], retainBody = false }: { entriesOf?: (file: JudgedFile) => { id: string; data: unknown }[]; retainBody?: boolean } = {},
): Loader {
  return {
    name: `blueprint-commons:judged-${kind}`,
    load: async (context) => {
      const judged = judgedContent();
      if (!judged) return fallback.load(context);
      if (judged.released) throw new Error(`The ${context.collection} collection was loaded after the build let go of the content gate's data; build again.`);
      const { store, generateDigest } = context;
      const stale = new Set(store.keys());
      for (const file of judged.files.values()) {
        if (file.kind !== kind) continue;
        const filePath = file.path;
        const deferredRender = filePath.endsWith('.mdx');
        const digest = generateDigest(file.source);
        for (const { id, data } of entriesOf(file)) {
          stale.delete(id);
          const existing = store.get(id);
          if (existing?.digest === digest && existing.filePath === filePath) {
            // Unchanged since the cached store was written: set() would skip it, module import and all.
            if (existing.deferredRender) store.addModuleImport(filePath);
            continue;
          }
          store.set({ id, data: data as Record<string, unknown>, body: retainBody ? file.body : undefined, filePath, digest, deferredRender });
        }
      }
      for (const id of stale) store.delete(id);
    },
  };
}

/**
 * Vite plugin for `astro build`: every module Vite loads from inside the content folder (an MDX
 * entry, whatever query Astro adds to its id) is the text the gate judged. A file there that the
 * gate never read stops the build, naming it.
 */
export function judgedBytes({ folder, named }: Pick<JudgedContent, 'folder' | 'named'>, projectRoot: string): Plugin {
  const folders = [folder, named].filter((f): f is string => !!f);
  const escaped = (f: string) => (f + sep).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    name: 'blueprint-commons:judged-bytes',
    enforce: 'pre',
    load: {
      // Only modules under the content folder reach this code: Rolldown checks the filter itself.
      filter: { id: new RegExp(`^(?:${folders.map(escaped).join('|')})`) },
      handler(id) {
        const asNamed = id.split('?')[0];
        const path = named && inside(named, asNamed) ? join(folder, relative(named, asNamed)) : asNamed;
        if (!inside(folder, path)) return null;
        // Read from the slot, so the texts are let go when the build is done with them.
        const judged = judgedContent();
        const file = judged?.files.get(path);
        const shown = relative(projectRoot, path).split(sep).join(posix.sep);
        // Only a page's MDX is ever a module. Any other content file asked for as one was named by
        // something the gate should have refused (an image's path, say): never hand it over as code.
        if (file && !path.endsWith('.mdx')) this.error(`${shown} was asked for as code by a page, and only a page's own MDX is built as code: the page that names it has a gap the content gate missed. Report it; nothing is built.`);
        if (file) return file.source;
        if (!judged) this.error(`${shown} was asked for after the build let go of the content gate's files, so it cannot be built from what the gate judged.`);
        this.error(`${shown} was not checked by the content gate (it appeared or was renamed after the gate ran), so it is not built. Build again; \`npm run validate\` checks it.`);
      },
    },
  };
}
