import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { blueprintSections } from '../../src/lib/content/sections';
import {
  generateIssueForm, issueFormFields, issueFormFile, parseIssueFormBody, parseMany, proposalFromIssue, sectionFieldId,
} from '../../src/lib/contribute/issue-form';
import { draftFields } from '../../src/lib/contribute/draft';
import { blueprintSchema, capabilities, costBands, suppliers } from '../../src/lib/schema';
import { issueBody, validAnswers } from '../fixtures/contribute/issue-body';

const context = { published: '2025-02-03', author: 'proposer' };
const form = parse(generateIssueForm()) as { labels: string[]; body: { type: string; id?: string; attributes: { label?: string; options?: unknown[]; multiple?: boolean; default?: number } }[] };
const element = (id: string) => form.body.find((e) => e.id === id)!;

describe('the generated issue form', () => {
  it('matches the committed file (run npm run generate:issue-form if this fails)', () => {
    expect(readFileSync(new URL(`../../${issueFormFile}`, import.meta.url), 'utf8')).toBe(generateIssueForm());
  });

  it('offers exactly the taxonomy’s cost bands, by label', () => {
    expect(element('cost-band').attributes.options).toEqual(costBands.map((t) => t.label));
  });

  it('lets the proposer choose several capabilities', () => {
    expect(element('capabilities').attributes.multiple).toBe(true);
    expect(element('capabilities').attributes.options).toEqual(capabilities.map((t) => t.label));
  });

  it('selects "No EPR supplier" until the proposer chooses', () => {
    expect(element('eprSupplier').attributes.options?.[element('eprSupplier').attributes.default!]).toBe(suppliers.find((s) => s.value === 'none')!.label);
  });

  it('names fields after their front-matter path joined by hyphens', () => {
    const ids = form.body.filter((e) => e.id).map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['title', 'summary', 'keyQuestions', 'cost-band', 'outcome-evidence', 'outcome-headline', 'careSettings']));
  });

  it('has a text box for every body section, named section-<heading>', () => {
    for (const { heading } of blueprintSections) expect(element(sectionFieldId(heading))?.type).toBe('textarea');
    expect(sectionFieldId('What we did')).toBe('section-what-we-did');
  });

  it('uses each id and each label once, as GitHub requires', () => {
    const ids = issueFormFields.map((f) => f.id);
    const labels = issueFormFields.map((f) => f.label);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('uses only letters, digits, hyphens and underscores in ids', () => {
    for (const field of issueFormFields) expect(field.id).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('has a field for every id the web drafting form pre-fills', () => {
    const ids = new Set(issueFormFields.map((f) => f.id));
    expect(draftFields.map((f) => f.id).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('puts the proposal label on every issue it opens', () => {
    expect(form.labels).toContain('blueprint-proposal');
  });
});

describe('reading a submitted issue', () => {
  it('turns a complete proposal into a valid blueprint', () => {
    const { data } = proposalFromIssue(issueBody(validAnswers), context);
    const result = blueprintSchema.safeParse({ ...data, illustrative: true });
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('maps dropdown labels back to their values', () => {
    const { data } = proposalFromIssue(issueBody(validAnswers), context);
    expect(data).toMatchObject({ domain: 'technical-build', cost: { band: 'under-50k' }, outcome: { evidence: 'measured-locally' }, eprSupplier: 'nervecentre' });
  });

  it('reads a chosen label that itself contains a comma', () => {
    expect(parseMany('Asset and resource optimisation, Digital channels (NHS App, portals)', capabilities)).toEqual(['asset-resource-optimisation', 'digital-channels']);
  });

  it('passes an unknown choice on, so the validator can name it', () => {
    const { data } = proposalFromIssue(issueBody({ ...validAnswers, 'cost-band': 'Loads of money' }), context);
    expect((data.cost as { band: string }).band).toBe('Loads of money');
  });

  it('reads key questions one per line, without the bullets', () => {
    const { data } = proposalFromIssue(issueBody(validAnswers), context);
    expect(data.keyQuestions).toEqual(['How do we give site managers a live view of free beds?', 'What do ward clerks need to keep a bed board up to date?']);
  });

  it('leaves out a field answered "_No response_"', () => {
    const { data } = proposalFromIssue(issueBody({ ...validAnswers, 'cost-note': undefined }), context);
    expect((data.cost as Record<string, unknown>).note).toBeUndefined();
  });

  it('keeps a "### heading" the proposer typed inside a section as part of their text', () => {
    const text = 'First we planned.\n\n### Summary\n\nThen we built.';
    const answers = parseIssueFormBody(issueBody({ ...validAnswers, [sectionFieldId('What we did')]: text }));
    expect(answers.get(sectionFieldId('What we did'))).toBe(text);
  });

  it('reads Windows line endings', () => {
    const { data } = proposalFromIssue(issueBody(validAnswers).replace(/\n/g, '\r\n'), context);
    expect(data.title).toBe(validAnswers.title);
  });

  it('uses the proposer as the owner’s GitHub user when that is left empty', () => {
    const { data } = proposalFromIssue(issueBody(validAnswers), context);
    expect((data.owner as { github?: string }).github).toBe('proposer');
  });

  it('takes the title from the issue title when the Title answer is empty', () => {
    const { data } = proposalFromIssue(issueBody({ ...validAnswers, title: undefined }), { ...context, issueTitle: 'Proposal: Giving ward clerks a bed board' });
    expect(data.title).toBe('Giving ward clerks a bed board');
  });

  it('keeps answers that are not front-matter apart, for the maintainer', () => {
    const { data, extras } = proposalFromIssue(issueBody({ ...validAnswers, 'organisation-name': 'Eastfield Hospitals NHS Trust' }), context);
    expect(extras['organisation-name']).toBe('Eastfield Hospitals NHS Trust');
    expect(JSON.stringify(data)).not.toContain('Eastfield');
  });

  it('dates the blueprint with the date it is given', () => {
    expect(proposalFromIssue(issueBody(validAnswers), context).data.published).toBe('2025-02-03');
  });

  it('notices when a declaration is not ticked', () => {
    const { missing } = proposalFromIssue(issueBody({ ...validAnswers, confirm: [] }), context);
    expect(missing).toContain('confirm');
  });

  it('puts section answers under their standard headings', () => {
    const { sections } = proposalFromIssue(issueBody(validAnswers), context);
    expect(sections['What we did']).toContain('six-week pilot');
  });

  it('ignores text before the first question', () => {
    const answers = parseIssueFormBody(`Injected: yes\n\n${issueBody(validAnswers)}`);
    expect([...answers.keys()]).not.toContain('Injected');
    expect(answers.get('title')).toBe(validAnswers.title);
  });
});
