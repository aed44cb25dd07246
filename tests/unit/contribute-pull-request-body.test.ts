import { describe, expect, it } from 'vitest';
import { reviewChecklist } from '../../src/lib/contribute/checklist';
import type { ContributionEntry } from '../../src/lib/contribute/plan';
import { maxBodyLength, pullRequestBody } from '../../src/lib/contribute/pull-request-body';
import { blueprintSchema } from '../../src/lib/schema';

function entry(slug: string, overrides: Record<string, unknown> = {}): ContributionEntry {
  const data = blueprintSchema.parse({
    domain: 'technical-build',
    title: 'Sending discharge letters to GPs the same day',
    summary: 'Discharge letters went electronic and now reach practices the same day, instead of a week later by post.',
    keyQuestions: ['How do we get letters to practices on the day of discharge?'],
    organisation: 'northmoor-teaching-hospitals',
    pillars: ['improve-care'],
    careSettings: ['acute', 'community'],
    eprSupplier: 'nervecentre',
    audience: ['cio'],
    cost: { band: '50k-250k', note: 'Integration work' },
    outcome: { evidence: 'measured-locally', headline: 'Letters within 24 hours rose from 40% to 92%.' },
    timeline: { start: '2022-03' },
    published: '2024-05-01',
    owner: { name: 'Integration team' },
    contact: 'team@example.nhs.uk',
    ...overrides,
  });
  return { kind: 'blueprint', slug, sourcePath: `${slug}.mdx`, data };
}

const names = (slug: string) => (slug === 'northmoor-teaching-hospitals' ? 'Northmoor Teaching Hospitals' : undefined);

describe('the pull request body', () => {
  it('carries the key questions', () => {
    expect(pullRequestBody([entry('a')])).toContain('- How do we get letters to practices on the day of discharge?');
  });

  it('carries the cost band and what it paid for', () => {
    expect(pullRequestBody([entry('a')])).toContain('| Cost | £50k to £250k: Integration work |');
  });

  it('carries the outcome with its evidence level', () => {
    expect(pullRequestBody([entry('a')])).toContain('| Outcome | Measured locally: Letters within 24 hours rose from 40% to 92%. |');
  });

  it('carries the care settings and supplier by their labels', () => {
    const body = pullRequestBody([entry('a')]);
    expect(body).toContain('| Care setting | Acute, Community |');
    expect(body).toContain('| EPR supplier | Nervecentre |');
  });

  it('names the owner the review reminders will mention, without mentioning them now', () => {
    const body = pullRequestBody([entry('a', { owner: { name: 'Digital team', github: 'some-maintainer' } })]);
    expect(body).toContain('| Owner | Digital team, reminded as @\u200dsome-maintainer on GitHub |');
    expect(body).not.toMatch(/@some-maintainer/);
  });

  it('names the organisation when it is known', () => {
    expect(pullRequestBody([entry('a')], { organisationName: names })).toContain('Northmoor Teaching Hospitals (`northmoor-teaching-hospitals`)');
  });

  it('carries every item of the review checklist', () => {
    const body = pullRequestBody([entry('a')]);
    for (const item of reviewChecklist) expect(body).toContain(`- [ ] ${item}`);
  });

  it('names all three routes a pull request can arrive by, the gateway included', () => {
    const footer = pullRequestBody([entry('a')]).trim().split('\n').at(-1)!;
    expect(footer).toContain('`npm run contribute`');
    expect(footer).toContain('issue-form bot');
    expect(footer).toContain('submission gateway');
  });

  it('closes the issue a proposal came from', () => {
    expect(pullRequestBody([entry('a')], { issue: 42 })).toContain('Closes #42');
  });

  it('stops text in the content from mentioning people or opening HTML', () => {
    const body = pullRequestBody([entry('a', { summary: 'Ask @octocat about <img src=x onerror=alert(1)> for the details of the rollout.' })]);
    expect(body).not.toMatch(/@octocat/);
    expect(body).not.toContain('<img');
  });

  it('keeps a pipe in a table cell from breaking the table', () => {
    expect(pullRequestBody([entry('a', { cost: { band: 'under-50k', note: 'licences | staff' } })])).toContain('licences \\| staff');
  });

  it('lists titles only when the full detail would be too long', () => {
    const full = pullRequestBody([entry('a'), entry('b')]);
    const body = pullRequestBody([entry('a'), entry('b')], { maxLength: full.length - 1 });
    expect(body.length).toBeLessThan(full.length);
    expect(body).not.toContain('| At a glance |');
    expect(body).toContain('- Blueprint: Sending discharge letters to GPs the same day');
  });

  it('stays under GitHub’s limit however many files there are', () => {
    const many = Array.from({ length: 2000 }, (_, i) => entry(`blueprint-${i}`));
    expect(pullRequestBody(many).length).toBeLessThanOrEqual(maxBodyLength);
  });

  it('says so when it had to cut the description short', () => {
    const many = Array.from({ length: 2000 }, (_, i) => entry(`blueprint-${i}`));
    expect(pullRequestBody(many)).toContain('cut short to fit');
  });
});

/** What GitHub would act on or link in a body: closing keywords before a reference, and links or images (an escaped bracket is text). */
const closes = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b\s*:?\s*(?:[\w.-]+\/[\w.-]+)?(?:#|GH-)\d+/i;
const closesByAddress = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b\s*:?\s*https?:\/\//i;
const link = /(?<!\\)\]\(|(?<!\\)\]\[|^\s*\[[^\]]*\]:|https?:\/\/|\bwww\.|!\[|<img|<a\s|[\w.+-]+@[\w-]+\.[\w.]+/im;

describe('text from a proposer in the pull request body', () => {
  const keywords = ['close', 'closes', 'closed', 'fix', 'fixes', 'fixed', 'resolve', 'resolves', 'resolved'];
  const spellings = (word: string) => [word, word.toUpperCase(), word[0].toUpperCase() + word.slice(1)];
  const references = ['#7', 'nhs/blueprint-commons#7', 'GH-7', 'https://github.com/nhs/blueprint-commons/issues/7'];
  const closingTexts = keywords.flatMap((k) => spellings(k)).flatMap((k) => references.flatMap((r) => [`${k} ${r}`, `${k}: ${r}`, `${k}:${r}`, `This ${k}  ${r} too`]));

  const linkTexts = [
    '[click here](https://evil.example/x)',
    '![tracker](https://evil.example/pixel.png)',
    '![tracker][p]\n\n[p]: https://evil.example/pixel.png',
    '[ref]: https://evil.example',
    'see https://evil.example/page',
    'see http://evil.example',
    'see www.evil.example',
    'mail me@evil.example',
    '<https://evil.example>',
    '<img src="https://evil.example/p.png">',
    '<a href="https://evil.example">x</a>',
    '[text](//evil.example)',
    '[text]( javascript:alert(1) )',
  ];

  // Each text goes everywhere a proposer's words appear: title, summary, key question, cost note, headline.
  function bodyWith(text: string): string {
    const oneLine = text.replace(/\n+/g, ' ');
    return pullRequestBody([
      entry('a', {
        title: `Moving wards ${oneLine}`.slice(0, 100),
        summary: `Discharge letters went electronic and now reach practices the same day. ${text}`.slice(0, 400),
        keyQuestions: [`How do we ${oneLine}?`.slice(0, 160)],
        cost: { band: '50k-250k', note: oneLine.slice(0, 200) },
        outcome: { evidence: 'measured-locally', headline: `Letters rose ${oneLine}`.slice(0, 200) },
      }),
    ]);
  }

  it.each(closingTexts)('cannot close an issue: %j', (text) => {
    const body = bodyWith(text);
    expect(body).not.toMatch(closes);
    expect(body).not.toMatch(closesByAddress);
  });

  it.each(linkTexts)('cannot link or load anything: %j', (text) => {
    expect(bodyWith(text)).not.toMatch(link);
  });

  // Read as GitHub reads Markdown (CommonMark with its extensions), not by pattern: a backslash of
  // the text's own once turned its escaped bracket into an escaped backslash before a live one.
  it.each([...linkTexts, '\\[open the preview\\](//evil.example/login)', '\\\\[x\\\\](//evil.example)', 'a \\| b'])('renders no link, image or table cell of its own: %j', async (text) => {
    const { micromark } = await import('micromark');
    const { gfm, gfmHtml } = await import('micromark-extension-gfm');
    const html = micromark(bodyWith(text), { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(html).not.toMatch(/<a |<img /);
    expect(html.match(/<td>/g)?.length ?? 0).toBe(micromark(bodyWith('plain words'), { extensions: [gfm()], htmlExtensions: [gfmHtml()] }).match(/<td>/g)?.length ?? 0);
  });

  it('still reads the same once the invisible joiners are taken out', () => {
    const body = bodyWith('Fixes #7 at www.example.org');
    expect(body.replace(/\u200d/g, '')).toContain('Fixes #7 at www.example.org');
  });

  it('keeps its own closing line for the issue it came from', () => {
    expect(pullRequestBody([entry('a')], { issue: 12 })).toMatch(/^Closes #12$/m);
  });
});
