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

  it('names the organisation when it is known', () => {
    expect(pullRequestBody([entry('a')], { organisationName: names })).toContain('Northmoor Teaching Hospitals (`northmoor-teaching-hospitals`)');
  });

  it('carries every item of the review checklist', () => {
    const body = pullRequestBody([entry('a')]);
    for (const item of reviewChecklist) expect(body).toContain(`- [ ] ${item}`);
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
