import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { blueprintSections } from '../../src/lib/content/sections';
import { adoptionForm, declaration, generateIssueForm, issueFormYaml } from '../../src/lib/contribute/issue-form';
import { adoptionFormFile, issueFormFile } from '../../src/lib/contribute/issue-form-files';
import { adoptionQuestions } from '../../src/lib/contribute/adoption-questions';
import { questions, sectionFieldId } from '../../src/lib/contribute/questions';
import { adoptionStages, capabilities, costBands, suppliers } from '../../src/lib/schema';

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
    const ids = [...questions.map((f) => f.id), declaration.id];
    const labels = [...questions.map((f) => f.label), declaration.label];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('uses only letters, digits, hyphens and underscores in ids', () => {
    for (const id of form.body.filter((e) => e.id).map((e) => e.id!)) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('asks every contribution question, in order, then the declaration', () => {
    expect(form.body.filter((e) => e.id).map((e) => e.id)).toEqual([...questions.map((q) => q.id), declaration.id]);
  });

  it('puts the proposal label on every issue it opens', () => {
    expect(form.labels).toContain('blueprint-proposal');
  });
});

describe('the generated "We are using this" form', () => {
  const adoption = parse(issueFormYaml(adoptionForm)) as typeof form;
  const field = (id: string) => adoption.body.find((e) => e.id === id)!;

  it('matches the committed file (run npm run generate:issue-form if this fails)', () => {
    expect(readFileSync(new URL(`../../${adoptionFormFile}`, import.meta.url), 'utf8')).toBe(issueFormYaml(adoptionForm));
  });

  it('asks every adoption question, in order, then the declaration', () => {
    expect(adoption.body.filter((e) => e.id).map((e) => e.id)).toEqual([...adoptionQuestions.map((q) => q.id), adoptionForm.declaration.id]);
  });

  it('offers exactly the adoption stages, by label', () => {
    expect(field('stage').attributes.options).toEqual(adoptionStages.map((t) => t.label));
  });

  it('publishes no contact until the adopter says yes', () => {
    expect(field('contactOptIn').attributes.options?.[field('contactOptIn').attributes.default!]).toBe('No, do not publish a contact');
  });

  it('puts the adoption label, not the blueprint proposal label, on every issue it opens', () => {
    expect(adoption.labels).toContain('adoption-record');
    expect(adoption.labels).not.toContain('blueprint-proposal');
  });
});
