/**
 * The build is made from the files the content gate read (src/integrations/judged-content.ts):
 * the collections' loader stores the gate's data, and the Vite plugin serves the gate's text.
 * A whole build with a file changed after the gate is in tests/build/refuses-unsafe.test.ts.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { judgedBytes, judgedOr, leaveJudgedContent, releaseStoredData, type JudgedContent } from '../../src/integrations/judged-content';

const root = '/site';
const folder = '/site/content';

function judged(): JudgedContent {
  return {
    folder,
    files: new Map([
      [`${folder}/blueprints/a.mdx`, { path: 'content/blueprints/a.mdx', source: '---\ntitle: A\n---\nText of a', kind: 'blueprint', slug: 'a', data: { title: 'A' }, body: 'Text of a' }],
      [`${folder}/blueprints/trust/b.mdx`, { path: 'content/blueprints/trust/b.mdx', source: '---\ntitle: B\n---\nText of b', kind: 'blueprint', slug: 'b', data: { title: 'B' }, body: 'Text of b' }],
      [`${folder}/organisations/x.yaml`, { path: 'content/organisations/x.yaml', source: 'name: X\n', kind: 'organisation', slug: 'x', data: { name: 'X' }, body: '' }],
      [`${folder}/glossary.yaml`, { path: 'content/glossary.yaml', source: '- term: EPR\n- term: Go-live\n', kind: 'glossary', slug: 'glossary', data: [{ term: 'EPR' }, { term: 'Go-live' }], body: '' }],
    ]),
  };
}

interface Stored {
  id: string;
  body?: string;
  data: Record<string, unknown>;
  filePath?: string;
  digest?: string;
  deferredRender?: boolean;
}

/** Enough of Astro's loader context for the loader: a store, a digest and the root. */
function context(existing: Stored[] = []) {
  const entries = new Map(existing.map((e) => [e.id, e]));
  const moduleImports: string[] = [];
  const sets: string[] = [];
  const store = {
    get: (id: string) => entries.get(id),
    keys: () => [...entries.keys()],
    set: (entry: Stored) => {
      sets.push(entry.id);
      entries.set(entry.id, entry);
      if (entry.deferredRender && entry.filePath) moduleImports.push(entry.filePath);
      return true;
    },
    delete: (id: string) => entries.delete(id),
    addModuleImport: (filePath: string) => moduleImports.push(filePath),
  };
  const ctx = {
    store,
    generateDigest: (text: string) => createHash('sha1').update(text).digest('hex'),
    config: { root: pathToFileURL(`${root}/`) },
  } as unknown as LoaderContext;
  return { ctx, entries, moduleImports, sets };
}

const fallback = (): Loader & { used: boolean } => {
  const loader = { name: 'fallback', used: false, load: async () => void (loader.used = true) };
  return loader;
};

afterEach(() => leaveJudgedContent(undefined));

describe('the judged loader', () => {
  it('stores the gate data of its kind, MDX for rendering from its module, and reads no file', async () => {
    leaveJudgedContent(judged());
    const { ctx, entries, moduleImports } = context();
    const other = fallback();
    await judgedOr('blueprint', other).load(ctx);
    expect(other.used).toBe(false);
    expect([...entries.keys()].sort()).toEqual(['a', 'b']);
    expect(entries.get('b')).toMatchObject({ data: { title: 'B' }, filePath: 'content/blueprints/trust/b.mdx', deferredRender: true });
    expect(entries.get('b')?.body).toBeUndefined();
    const kept = context();
    await judgedOr('blueprint', fallback(), { retainBody: true }).load(kept.ctx);
    expect(kept.entries.get('b')?.body).toBe('Text of b');
    expect(moduleImports.sort()).toEqual(['content/blueprints/a.mdx', 'content/blueprints/trust/b.mdx']);
  });

  it('stores YAML data without a module, and several entries from one file when asked', async () => {
    leaveJudgedContent(judged());
    const orgs = context();
    await judgedOr('organisation', fallback()).load(orgs.ctx);
    expect(orgs.entries.get('x')).toMatchObject({ data: { name: 'X' }, deferredRender: false });
    expect(orgs.moduleImports).toEqual([]);
    const terms = context();
    await judgedOr('glossary', fallback(), { entriesOf: (file) => (file.data as { term: string }[]).map((t) => ({ id: t.term.toLowerCase(), data: t })) }).load(terms.ctx);
    expect([...terms.entries.keys()]).toEqual(['epr', 'go-live']);
  });

  it('keeps an unchanged cached entry (still rendered from its module) and removes the entries of files that are gone', async () => {
    leaveJudgedContent(judged());
    const first = context();
    await judgedOr('blueprint', fallback()).load(first.ctx);
    const cached = [...first.entries.values(), { id: 'deleted', data: { title: 'Gone' }, filePath: 'content/blueprints/deleted.mdx', digest: 'x' }];
    const again = context(cached);
    await judgedOr('blueprint', fallback()).load(again.ctx);
    expect(again.sets).toEqual([]);
    expect(again.moduleImports.sort()).toEqual(['content/blueprints/a.mdx', 'content/blueprints/trust/b.mdx']);
    expect(again.entries.has('deleted')).toBe(false);
  });

  it("uses Astro's own loader when the gate has not run (astro dev, astro sync)", async () => {
    const { ctx } = context();
    const other = fallback();
    await judgedOr('blueprint', other).load(ctx);
    expect(other.used).toBe(true);
  });
});

describe('the judged bytes plugin', () => {
  /** What Rolldown does with the hook: the handler only for ids its filter matches. */
  const loadWith = (content: JudgedContent, id: string) => {
    leaveJudgedContent(content);
    const { filter, handler } = judgedBytes(content, root).load as unknown as { filter: { id: RegExp }; handler: (this: unknown, id: string) => string | null };
    if (!filter.id.test(id)) return null;
    return handler.call({ error: (message: string) => { throw new Error(message); } }, id);
  };
  const load = (id: string) => {
    try {
      return { code: loadWith(judged(), id), errors: [] as string[] };
    } catch (error) {
      return { code: undefined, errors: [(error as Error).message] };
    }
  };

  it("serves the gate's text for a content module, whatever query Astro adds", () => {
    expect(load(`${folder}/blueprints/a.mdx`).code).toBe('---\ntitle: A\n---\nText of a');
    expect(load(`${folder}/blueprints/trust/b.mdx?astroRenderContent=true`).code).toBe('---\ntitle: B\n---\nText of b');
  });

  it('stops the build at a file in the content folder the gate never read, naming it', () => {
    const { errors } = load(`${folder}/blueprints/late.mdx?astroRenderContent=true`);
    expect(errors).toEqual([expect.stringContaining('content/blueprints/late.mdx was not checked by the content gate')]);
  });

  it('never hands over a judged file that is not a page as code (an image naming a YAML file, say), and says so', () => {
    expect(load(`${folder}/organisations/x.yaml`).errors).toEqual([expect.stringContaining('content/organisations/x.yaml was asked for as code by a page')]);
    expect(load(`${folder}/glossary.yaml?import`).errors).toEqual([expect.stringContaining('only a page\'s own MDX is built as code')]);
  });

  it('serves the same text when Vite names a module by a linked path to the content folder', () => {
    expect(loadWith({ ...judged(), named: '/linked/content' }, '/linked/content/blueprints/a.mdx?astroRenderContent=true')).toBe('---\ntitle: A\n---\nText of a');
  });

  it('stops the build, rather than read the disk, if a content module is asked for once the texts are let go', () => {
    const { filter, handler } = judgedBytes(judged(), root).load as unknown as { filter: { id: RegExp }; handler: (this: unknown, id: string) => string | null };
    leaveJudgedContent(undefined);
    const id = `${folder}/blueprints/a.mdx`;
    expect(filter.id.test(id)).toBe(true);
    expect(() => handler.call({ error: (message: string) => { throw new Error(message); } }, id)).toThrow(/content\/blueprints\/a\.mdx was asked for after the build let go/);
  });

  it('leaves every module outside the content folder to Vite, including a folder whose name only starts the same', () => {
    expect(load('/site/src/pages/index.astro').code).toBeNull();
    expect(load('/site/content-old/blueprints/a.mdx').code).toBeNull();
  });
});

describe('once the store holds the entries', () => {
  it("lets go of every entry's data and body but keeps each text and the search vocabulary's data", () => {
    const content = judged();
    releaseStoredData(content);
    const a = content.files.get(`${folder}/blueprints/a.mdx`)!;
    expect(a).toMatchObject({ source: '---\ntitle: A\n---\nText of a', data: undefined, body: '' });
    expect(content.files.get(`${folder}/glossary.yaml`)!.data).toEqual([{ term: 'EPR' }, { term: 'Go-live' }]);
  });

  it('refuses to load a collection from data it has let go, instead of storing empty entries', async () => {
    const content = judged();
    releaseStoredData(content);
    leaveJudgedContent(content);
    const { ctx, entries } = context();
    await expect(judgedOr('blueprint', fallback()).load({ ...ctx, collection: 'blueprints' })).rejects.toThrow(/blueprints collection was loaded after the build let go/);
    expect(entries.size).toBe(0);
  });
});
