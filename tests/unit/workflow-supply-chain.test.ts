/**
 * Supply-chain guards for .github/workflows/: every action is pinned to a full commit SHA with
 * its release in a comment, and every token gets only the permissions its job uses.
 *
 * A tag or branch can be moved to other code after review; a commit SHA cannot. GitHub's advice:
 * https://docs.github.com/en/actions/reference/security/secure-use#using-third-party-actions
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isPair, isScalar, parse, parseDocument, visit } from 'yaml';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../.github/workflows/', import.meta.url);
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');

/** owner/repo or owner/repo/path, then @ and a full 40-character lower-case commit SHA. */
const pinned = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*@[0-9a-f]{40}$/;
/** The release the SHA belongs to, in a comment on the same line: `# v5.1.0`. */
const versionComment = /^\s*v\d+\.\d+\.\d+\b/;

/**
 * Every `uses:` in a workflow that is not pinned, as "line N: what is wrong". Local actions
 * (`./…`) come from this repository's own commit, so they need no pin.
 */
function pinProblems(text: string): string[] {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) return doc.errors.map((e) => `not valid YAML: ${e.message}`);
  const lineOf = (offset: number | undefined) => (offset === undefined ? '?' : text.slice(0, offset).split('\n').length);
  const problems: string[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== 'uses') return;
      const node = pair.value;
      const at = `line ${lineOf(isScalar(node) ? node.range?.[0] : undefined)}`;
      if (!isScalar(node) || typeof node.value !== 'string') {
        problems.push(`${at}: uses should be text, owner/repo@<commit SHA>`);
        return;
      }
      const uses = node.value;
      if (uses.startsWith('./')) return;
      if (!pinned.test(uses) || uses.split(/[/@]/).includes('..')) {
        problems.push(`${at}: "${uses}" is not pinned: write owner/repo@<full 40-character commit SHA> # vX.Y.Z`);
      } else if (!versionComment.test(node.comment ?? '')) {
        problems.push(`${at}: "${uses}" has no version comment: add "# vX.Y.Z" (the release that commit is) on the same line`);
      }
    },
  });
  return problems;
}

type Workflow = {
  permissions?: unknown;
  jobs: Record<string, { permissions?: Record<string, string>; steps?: { uses?: string; with?: Record<string, string> }[] }>;
};
const workflow = (name: string) => parse(read(name)) as Workflow;

describe('actions in the workflows', () => {
  it('are all pinned to a full commit SHA with the release in a comment', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(pinProblems(read(file)), file).toEqual([]);
  });

  it('are found wherever `uses:` appears, including reusable workflows and flow style', () => {
    const text = [
      'jobs:',
      '  reuse:',
      '    uses: octo/shared/.github/workflows/build.yml@main',
      '  steps-job:',
      '    steps:',
      '      - { uses: octo/tool@v1 }',
      '      - uses: ./.github/actions/local',
      '',
    ].join('\n');
    expect(pinProblems(text)).toEqual([
      expect.stringMatching(/^line 3: "octo\/shared\/\.github\/workflows\/build\.yml@main" is not pinned/),
      expect.stringMatching(/^line 6: "octo\/tool@v1" is not pinned/),
    ]);
  });

  const sha = 'fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09';
  const bad = [
    ['a major-version tag', 'actions/checkout@v5'],
    ['a full version tag', 'actions/checkout@v5.1.0'],
    ['a branch', 'actions/checkout@main'],
    ['a ref path', 'actions/checkout@refs/heads/main'],
    ['a short SHA', `actions/checkout@${sha.slice(0, 7)}`],
    ['a SHA one character short', `actions/checkout@${sha.slice(0, 39)}`],
    ['a SHA one character long', `actions/checkout@${sha}0`],
    ['an upper-case SHA (a branch could be named that)', `actions/checkout@${sha.toUpperCase()}`],
    ['a SHA with one upper-case letter', `actions/checkout@${sha.replace('f', 'F')}`],
    ['a SHA with a non-hex character', `actions/checkout@${sha.slice(0, 39)}g`],
    ['a SHA followed by a tag', `actions/checkout@${sha}@v5`],
    ['a SHA with a space after it (quoted)', `"actions/checkout@${sha} "`],
    ['no ref at all', 'actions/checkout'],
    ['an empty ref', 'actions/checkout@'],
    ['no repository', `actions@${sha}`],
    ['a path that climbs out', `actions/checkout/../evil@${sha}`],
    ['a Docker image by tag', 'docker://alpine:3.20'],
    ['a Docker image by digest', `docker://alpine@sha256:${'a'.repeat(64)}`],
    ['an expression', '${{ matrix.action }}'],
    ['a number', '5'],
  ];

  it.each(bad)('fail on %s', (_, uses) => {
    for (const file of files) {
      const text = read(file);
      // A mutated copy: the first pinned action in the file replaced, its comment kept.
      const mutated = text.replace(/^(\s*-?\s*uses: )\S+/m, `$1${uses}`);
      expect(mutated, file).not.toBe(text);
      expect(pinProblems(text), file).toEqual([]);
      expect(pinProblems(mutated), file).toEqual([expect.stringMatching(/is not pinned|should be text/)]);
    }
  });

  it.each([
    ['no comment', ''],
    ['a comment without a version', ' # pinned'],
    ['a major version only', ' # v5'],
    ['the version on the next line', '\n        # v5.1.0'],
  ])('fail on a pinned action with %s', (_, comment) => {
    for (const file of files) {
      const mutated = read(file).replace(/^(\s*-?\s*uses: \S+) # v\d+\.\d+\.\d+$/m, `$1${comment}`);
      expect(pinProblems(mutated), file).toEqual([expect.stringMatching(/has no version comment/)]);
    }
  });

  it('accept local actions and pinned reusable workflows', () => {
    const text = [
      'jobs:',
      '  reuse:',
      `    uses: octo/shared/.github/workflows/build.yml@${sha} # v1.0.0`,
      '  local:',
      '    steps:',
      '      - uses: ./.github/actions/local',
      `      - uses: 'octo/tool@${sha}' # v2.3.4`,
      '',
    ].join('\n');
    expect(pinProblems(text)).toEqual([]);
  });
});

describe('token permissions in the workflows', () => {
  it('start from none, so each job names the least it needs', () => {
    for (const file of files) {
      const w = workflow(file);
      expect(w.permissions, file).toEqual({});
      for (const [name, job] of Object.entries(w.jobs)) expect(job.permissions, `${file} ${name}`).toBeTypeOf('object');
    }
  });

  it('allow writing only where a job writes: Pages for the deployment, issues for the reminders', () => {
    const writers = files.flatMap((file) =>
      Object.entries(workflow(file).jobs).flatMap(([name, job]) =>
        Object.entries(job.permissions ?? {})
          .filter(([, level]) => level === 'write')
          .map(([scope]) => `${file} ${name} ${scope}`),
      ),
    );
    expect(writers.sort()).toEqual(['deploy.yml deploy id-token', 'deploy.yml deploy pages', 'review-reminders.yml remind issues']);
  });

  it('narrow the proposal app token to contents, pull requests and issues', () => {
    const steps = Object.values(workflow('propose-blueprint.yml').jobs).flatMap((j) => j.steps ?? []);
    const token = steps.find((s) => s.uses?.startsWith('actions/create-github-app-token@'));
    const asked = Object.fromEntries(Object.entries(token?.with ?? {}).filter(([key]) => key.startsWith('permission-')));
    expect(asked).toEqual({ 'permission-contents': 'write', 'permission-pull-requests': 'write', 'permission-issues': 'write' });
  });
});
