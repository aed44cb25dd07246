/**
 * The build itself refuses unsafe or broken content: the content gate stops `astro build` before
 * any MDX is compiled, naming the file and the rule, and nothing is published for that file.
 *
 * Each case copies the bundled content (plus the fixture organisations and templates the fixtures
 * name) into a temporary folder, adds one bad file, and builds with CONTENT_DIR, OUT_DIR and
 * CACHE_DIR pointing there, so it never touches dist/ or another build's cache. A handful of representative unsafe
 * files keep the time down; tests/unit/validate-mdx-safety.test.ts covers every one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/**
 * A temporary folder holding a copy of the bundled content, the fixture organisations and templates
 * the fixtures name, and the given blueprints; `arrange` may change the content folder after.
 */
function contentWith(fixture: string, companions: string[] = [], arrange?: (content: string, work: string) => void) {
  const work = mkdtempSync(join(tmpdir(), 'refuses-unsafe-'));
  made.push(work);
  const content = join(work, 'content');
  cpSync('src/content', content, { recursive: true });
  for (const org of readdirSync('tests/fixtures/valid/organisations')) {
    cpSync(join('tests/fixtures/valid/organisations', org), join(content, 'organisations', org));
  }
  for (const template of readdirSync('tests/fixtures/valid/templates')) {
    cpSync(join('tests/fixtures/valid/templates', template), join(content, 'templates', template));
  }
  const name = fixture.split('/').pop()!;
  for (const file of [fixture, ...companions]) cpSync(file, join(content, 'blueprints', file.split('/').pop()!));
  arrange?.(content, work);
  return { work, content, name };
}

/**
 * Builds the bundled content plus extra blueprints; returns the exit status, all output and the
 * first one's page. `arrange` may change the copied content folder before the build.
 */
function buildWith(fixture: string, command: 'astro' | 'npm', companions: string[] = [], arrange?: (content: string, work: string) => void) {
  const { work, content, name } = contentWith(fixture, companions, arrange);
  const outDir = join(work, 'dist');
  const [cmd, args] = command === 'npm' ? ['npm', ['run', 'build']] : ['npx', ['astro', 'build']];
  const result = spawnSync(cmd, args, {
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: outDir, CACHE_DIR: join(work, 'cache') },
  });
  const slug = name.replace(/\.mdx$/, '');
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    name,
    publishedPage: join(outDir, 'blueprints', slug, 'index.html'),
  };
}

const unsafe: [fixture: string, rule: string][] = [
  ['import.mdx', 'mdx-safety/import-export'],
  ['flow-expression.mdx', 'mdx-safety/expression'],
  ['script.mdx', 'mdx-safety/element'],
  ['img-onerror.mdx', 'mdx-safety/event-handler'],
  ['javascript-link.mdx', 'mdx-safety/url'],
  ['file-image.mdx', 'mdx-safety/image'],
  ['comment-carriage-return.mdx', 'mdx-safety/expression'],
];

describe('the build refuses unsafe MDX', () => {
  // The control: with the same setup, a safe blueprint is built and published, so the
  // absence of a page in the cases below is the gate's doing.
  it('publishes a page for a safe blueprint added the same way', () => {
    const build = buildWith('tests/fixtures/valid/blueprints/fixture-valid-blueprint.mdx', 'astro', ['tests/fixtures/valid/blueprints/fixture-valid-redprint.mdx']);
    expect(build.status, build.output).toBe(0);
    expect(existsSync(build.publishedPage)).toBe(true);
  }, 300_000);

  for (const [fixture, rule] of unsafe) {
    it(`stops at ${fixture}, naming the file and ${rule}, and publishes no page for it`, () => {
      const build = buildWith(`tests/fixtures/unsafe/${fixture}`, 'astro');
      expect(build.status, build.output).not.toBe(0);
      expect(build.output).toMatch(new RegExp(`blueprints/${build.name.replace('.', '\\.')}:\\d+:\\d+  ${rule.replace('/', '\\/')}  `));
      expect(build.output).toContain('stop the build');
      expect(existsSync(build.publishedPage)).toBe(false);
    });
  }
});

describe('the build refuses broken front-matter', () => {
  it('a deliberately broken blueprint stops npm run build with a message naming its file and field', () => {
    const build = buildWith('tests/fixtures/invalid/wrong-enum-value.mdx', 'npm');
    expect(build.status, build.output).not.toBe(0);
    expect(build.output).toContain('blueprints/wrong-enum-value.mdx:2:1  domain  "finance" is not one of strategy');
    expect(existsSync(build.publishedPage)).toBe(false);
  });
});

describe('the build refuses a broken adoption reference', () => {
  it('an adoption record naming a blueprint that does not exist stops npm run build, naming its file and field', () => {
    const build = buildWith('tests/fixtures/valid/blueprints/fixture-valid-blueprint.mdx', 'npm', ['tests/fixtures/valid/blueprints/fixture-valid-redprint.mdx'], (content) => {
      writeFileSync(
        join(content, 'adoptions', 'fellbrook-hospitals--no-such-blueprint.yaml'),
        'organisation: fellbrook-hospitals\nblueprint: no-such-blueprint\nstage: live\ndate: 2025-01\nillustrative: true\n',
      );
    });
    expect(build.status, build.output).not.toBe(0);
    expect(build.output).toContain('adoptions/fellbrook-hospitals--no-such-blueprint.yaml:2:1  blueprint  "no-such-blueprint" is not a known blueprint');
    expect(existsSync(build.publishedPage)).toBe(false);
  }, 300_000);
});

describe('the build judges exactly the files it would compile', () => {
  const valid = 'tests/fixtures/valid/blueprints/fixture-valid-blueprint.mdx';
  const unsafeCode = readFileSync('tests/fixtures/unsafe/import.mdx', 'utf8');

  /** Each case: how the content folder is changed, and what the refusal must say. */
  const cases: [name: string, arrange: (content: string, work: string) => void, says: RegExp][] = [
    [
      'a blueprint that is a symbolic link to a file outside the content folder',
      (content, work) => {
        writeFileSync(join(work, 'outside.mdx'), unsafeCode);
        symlinkSync(join(work, 'outside.mdx'), join(content, 'blueprints', 'linked.mdx'));
      },
      /blueprints\/linked\.mdx:1:1  location  is a symbolic link/,
    ],
    [
      'a folder of blueprints that is a symbolic link',
      (content, work) => {
        mkdirSync(join(work, 'elsewhere'));
        writeFileSync(join(work, 'elsewhere', 'hidden.mdx'), unsafeCode);
        symlinkSync(join(work, 'elsewhere'), join(content, 'blueprints', 'more'));
      },
      /blueprints\/more:1:1  location  is a symbolic link/,
    ],
    [
      'a relative link to another blueprint',
      (content) => symlinkSync('fixture-valid-blueprint.mdx', join(content, 'blueprints', 'same-again.mdx')),
      /blueprints\/same-again\.mdx:1:1  location  is a symbolic link/,
    ],
    [
      'a blueprint whose name is not a slug',
      (content) => renameSync(join(content, 'blueprints', 'fixture-valid-blueprint.mdx'), join(content, 'blueprints', 'Fixture Valid.mdx')),
      /blueprints\/Fixture Valid\.mdx:1:1  location  "Fixture Valid\.mdx" is not a file name the site can use/,
    ],
    [
      'a playbook in a folder the loader never reads',
      (content) => {
        mkdirSync(join(content, 'playbooks', 'drafts'));
        cpSync(valid, join(content, 'playbooks', 'drafts', 'x.mdx'));
      },
      /playbooks\/drafts:1:1  location  is a folder the site does not read/,
    ],
    [
      'quote and list markers nested thousands deep',
      (content) => writeFileSync(join(content, 'blueprints', 'deep.mdx'), readFileSync(valid, 'utf8') + `\n${'> - '.repeat(5000)}x\n`),
      /blueprints\/deep\.mdx:\d+:\d+  structure  line \d+ starts with 11 or more quote and list markers/,
    ],
    [
      "a YAML tag Astro's reader would throw on",
      (content) => writeFileSync(join(content, 'blueprints', 'tagged.mdx'), readFileSync(valid, 'utf8').replace(/^title: .*$/m, 'title: !!js/function "function () {}"')),
      /blueprints\/tagged\.mdx:\d+:\d+  front-matter  uses the YAML tag/,
    ],
  ];

  it('builds the text the gate judged, even when a file is changed after the gate has read it', async () => {
    const { work, content } = contentWith(valid, ['tests/fixtures/valid/blueprints/fixture-valid-redprint.mdx']);
    const file = join(content, 'blueprints', 'fixture-valid-blueprint.mdx');
    const judgedText = 'Each ward had a nurse who knew the record well but no time to improve it.';
    // Once the gate has passed the folder: new front-matter and a script the gate would refuse.
    const swapped = readFileSync(valid, 'utf8')
      .replace(/^title: .*$/m, 'title: Unjudged title')
      .replace(judgedText, 'Unjudged text.\n\n<script>{"alert(1)"}</script>');
    const outDir = join(work, 'dist');
    const child = spawn('npm', ['run', 'build'], { env: { ...process.env, CONTENT_DIR: content, OUT_DIR: outDir, CACHE_DIR: join(work, 'cache') } });
    let output = '';
    let changed = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!changed && output.includes('content checked: no problems')) {
        writeFileSync(file, swapped);
        changed = true;
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    const [status] = (await once(child, 'exit')) as [number | null];
    clearTimeout(timer);
    expect(changed, output).toBe(true);
    expect(status, output).toBe(0);
    const page = readFileSync(join(outDir, 'blueprints', 'fixture-valid-blueprint', 'index.html'), 'utf8');
    expect(page).toContain(judgedText);
    expect(page).toContain('Giving ward nurses two protected informatics sessions a week');
    expect(page).not.toContain('Unjudged');
    expect(page).not.toContain('alert(1)');
  }, 300_000);

  for (const [name, arrange, says] of cases) {
    it(`stops at ${name}, with the problem list as the whole message`, () => {
      const build = buildWith(valid, 'npm', [], arrange);
      expect(build.status, build.output).not.toBe(0);
      expect(build.output).toMatch(says);
      expect(build.output).toContain('stop the build');
      expect(build.output).not.toMatch(/Stack trace|Location:|    at /);
    });
  }
});

describe('npm run build', () => {
  it('says so when Astro is killed by a signal, instead of exiting silently', () => {
    // Only the astro child kills itself: build.mjs runs with the same NODE_OPTIONS.
    const work = mkdtempSync(join(tmpdir(), 'crash-'));
    made.push(work);
    const crash = join(work, 'crash.mjs');
    writeFileSync(crash, "if (process.argv[1]?.endsWith('astro.mjs')) process.kill(process.pid, 'SIGSEGV');\n");
    const result = spawnSync('npm', ['run', 'build'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: `--import=${pathToFileURL(crash).href}` } });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('astro build stopped on signal SIGSEGV (it crashed in native code)');
  });

  it("gives Astro a 2,048 MiB heap whatever the machine's memory, unless NODE_OPTIONS names one", () => {
    const work = mkdtempSync(join(tmpdir(), 'heap-'));
    made.push(work);
    const probe = join(work, 'probe.mjs');
    // In the astro child only: print V8's heap limit (old space plus young generation), then stop.
    writeFileSync(probe, "import v8 from 'node:v8';\nif (process.argv[1]?.endsWith('astro.mjs')) { console.log(`heap limit ${Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20)} MiB`); process.exit(3); }\n");
    const heapOf = (options: string) => {
      const result = spawnSync('npm', ['run', 'build'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: options } });
      expect(result.status).toBe(3);
      return Number(/heap limit (\d+) MiB/.exec(result.stdout)?.[1]);
    };
    const given = heapOf(`--import=${pathToFileURL(probe).href}`);
    expect(given).toBeGreaterThanOrEqual(2048);
    expect(given).toBeLessThan(2048 + 256); // V8 adds the young generation (192 MiB here)
    const own = heapOf(`--max-old-space-size=3000 --import=${pathToFileURL(probe).href}`);
    expect(own).toBeGreaterThanOrEqual(3000);
    expect(own).toBeLessThan(3000 + 256);
  });
});
