/**
 * The search data the build computes in a worker from the start of the build
 * (src/integrations/search-data.ts), from the content the content gate checked: the same related
 * blueprints and "also known as" lines as computing them in-process from the same content files,
 * handed to the pages, and a clear failure when the worker cannot compute them.
 */
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/node/content-files';
import { contentGate } from '../../src/integrations/content-gate';
import { leaveJudgedContent } from '../../src/integrations/judged-content';
import { searchData } from '../../src/integrations/search-data';
import { leaveSearchData, takeSearchData } from '../../src/integrations/search-data-slot';
import { blueprintSearchData } from '../../src/lib/search/build-data';
import { searchCorpus, type SearchEntry } from '../../src/lib/search/from-corpus';
import { readCorpus } from '../../src/lib/validate/corpus';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';

const logged: string[] = [];
const logger = { info: (m: string) => logged.push(m) } as unknown as AstroIntegrationLogger;

type Hooks = Record<string, (options: unknown) => void>;

/** Runs the content gate's and this integration's hooks as `astro build` would, for this project. */
function startBuild(content?: () => SearchEntry[] | undefined) {
  if (!content) (contentGate().hooks as Hooks)['astro:config:setup']({ config: { root: pathToFileURL(`${process.cwd()}/`) }, command: 'build', logger, updateConfig: () => undefined });
  const hooks = searchData({ content }).hooks as Hooks;
  hooks['astro:config:setup']({ command: 'build', logger });
  return { data: takeSearchData(), done: () => hooks['astro:build:done']({}) };
}

afterEach(() => {
  leaveSearchData(undefined);
  leaveJudgedContent(undefined);
});

describe('search data computed in a worker as the build starts', () => {
  it('is what computing it in-process from the same content gives, for every listed blueprint', async () => {
    const build = startBuild();
    expect(build.data, 'left for the pages').toBeDefined();
    const fromWorker = await build.data!;
    const { docs, authorLists, glossary } = searchCorpus(readCorpus(readContentFiles(process.cwd()).files, nativeMdxParser));
    const expected = blueprintSearchData(docs, authorLists, glossary);
    expect([...fromWorker].sort()).toEqual([...expected].sort());
    expect(fromWorker.size).toBeGreaterThan(10);
    expect([...fromWorker.values()].some((d) => d.related.length > 0 && d.synonymTokens.length > 0 && d.abbreviations.length > 0)).toBe(true);
    expect(logged.some((m) => /for \d+ blueprints in \d+ ms \(worker\)/.test(m))).toBe(true);
    build.done();
    expect(takeSearchData(), 'cleared when the build is done').toBeUndefined();
  });

  it('fails with a message that says what could not be done', async () => {
    const broken: SearchEntry[] = [{ kind: 'blueprint', slug: 'no-data', data: null, parsed: { body: '' } }];
    await expect(startBuild(() => broken).data).rejects.toThrow(/Search data could not be computed: \w+/);
  });

  it('starts only for a build: `astro dev` computes search data in-process', () => {
    (searchData({ content: () => [] }).hooks as Hooks)['astro:config:setup']({ command: 'dev', logger });
    expect(takeSearchData()).toBeUndefined();
  });

  it('will not start without the content the gate checked', () => {
    expect(() => startBuild(() => undefined)).toThrow(/list contentGate\(\) before searchData\(\)/);
  });
});
