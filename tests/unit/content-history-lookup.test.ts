/**
 * The page-history lookup the build shares (src/node/content-history.ts, used by
 * src/data/history.ts): git runs once per build however many pages ask, with an injected runner.
 */
import { describe, expect, it } from 'vitest';
import { pageHistory } from '../../src/integrations/page-history';
import { takeContentHistory } from '../../src/integrations/page-history-slot';
import { historyLookup, readContentHistory, type GitRunner } from '../../src/node/content-history';

const root = '/project';
const dir = '/project/src/content';

/** A git that answers like a full clone whose log touched `files`, counting each call by command. */
function fakeGit(files: string[], shallow = 'false'): { run: GitRunner; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const run: GitRunner = async (args, cwd) => {
    expect(cwd).toBe(dir);
    const command = args.find((a) => a === 'rev-parse' || a === 'log')!;
    calls.set(command, (calls.get(command) ?? 0) + 1);
    if (command === 'rev-parse') return `${shallow}\n`;
    const marker = args.find((a) => a.startsWith('--format='))!.slice('--format='.length).split('%x00')[0]!;
    await new Promise((r) => setTimeout(r, 5)); // pages keep asking while git runs
    return `${marker}\0${'2026-03-01T10:00:00+00:00'}\0Add pages\0\n${files.map((f) => `A\0${f}\0`).join('')}`;
  };
  return { run, calls };
}

describe('the build-wide page-history lookup', () => {
  const pages = Array.from({ length: 200 }, (_, i) => `blueprints/page-${i}.mdx`);

  it('runs git log once for 200 pages, whether they ask at once or one after another', async () => {
    const { run, calls } = fakeGit(pages);
    const lines: string[] = [];
    const lookup = historyLookup(root, dir, () => readContentHistory(dir, run), (line) => lines.push(line));
    const atOnce = await Promise.all(pages.slice(0, 100).map((p) => lookup(`src/content/${p}`)));
    const inTurn = [];
    for (const p of pages.slice(100)) inTurn.push(await lookup(`${dir}/${p}`));
    expect([...atOnce, ...inTurn].every((h) => h?.changes[0]?.subject === 'Add pages')).toBe(true);
    expect(Object.fromEntries(calls)).toEqual({ 'rev-parse': 1, log: 1 });
    expect(lines).toEqual([expect.stringMatching(/^\[history\] 200 content files' history read from one git log in \d+ ms$/)]);
  });

  it('does not run git before a page asks', () => {
    const { run, calls } = fakeGit(pages);
    historyLookup(root, dir, () => readContentHistory(dir, run), () => {});
    expect(calls.size).toBe(0);
  });

  it('answers nothing for a path outside the content folder', async () => {
    const { run } = fakeGit(['../README.md', 'x.mdx']);
    const lookup = historyLookup(root, dir, () => readContentHistory(dir, run), () => {});
    expect(await lookup('README.md')).toBeUndefined();
    expect(await lookup('src/content/x.mdx')).toBeDefined();
  });

  it('does not run git log in a shallow clone', async () => {
    const { run, calls } = fakeGit(pages, 'true');
    const { history, note } = await readContentHistory(dir, run);
    expect(history.size).toBe(0);
    expect(Object.fromEntries(calls)).toEqual({ 'rev-parse': 1 });
    expect(note).toMatch(/shallow clone/);
  });

  it('builds without history, naming the problem, when git prints something unexpected', async () => {
    const { history, note } = await readContentHistory(dir, async (args) => (args.includes('rev-parse') ? 'false\n' : 'commit abc\nAuthor: someone\n'));
    expect(history.size).toBe(0);
    expect(note).toBe('no page history (git log output does not start with a commit: was it run with contentLogArguments()?): pages show their front-matter dates only');
  });

  it('marks each commit with a new random marker, so no commit subject can forge a record', async () => {
    const markers: string[] = [];
    const run: GitRunner = async (args) => {
      if (args.includes('rev-parse')) return 'false\n';
      markers.push(args.find((a) => a.startsWith('--format='))!);
      return '';
    };
    await readContentHistory(dir, run);
    await readContentHistory(dir, run);
    expect(markers[0]).toMatch(/^--format=bc-history-[0-9a-f]{24}%x00/);
    expect(markers[0]).not.toBe(markers[1]);
  });
});

describe('the page-history integration', () => {
  type Hooks = { 'astro:config:setup': (options: { command: string }) => void; 'astro:build:done': () => void };
  const hooksOf = () => pageHistory().hooks as unknown as Hooks;

  it('starts reading the history when a build starts, for the pages to take, and lets it go when the build is done', async () => {
    const hooks = hooksOf();
    hooks['astro:config:setup']({ command: 'build' });
    const reading = takeContentHistory();
    expect(reading).toBeInstanceOf(Promise);
    expect((await reading)!.note).toEqual(expect.any(String));
    hooks['astro:build:done']();
    expect(takeContentHistory()).toBeUndefined();
  });

  it('leaves nothing for `astro dev`, whose pages read the history on first use', () => {
    hooksOf()['astro:config:setup']({ command: 'dev' });
    expect(takeContentHistory()).toBeUndefined();
  });
});
