import { describe, expect, it } from 'vitest';
import { parseIssueFormBody, parseMany, proposalFromIssue } from '../../src/lib/contribute/issue-answers';
import { sectionFieldId } from '../../src/lib/contribute/questions';
import { blueprintSchema, capabilities } from '../../src/lib/schema';
import { draftAnswers, issueBody } from '../fixtures/contribute/answers';

const context = { published: '2025-02-03', author: 'proposer' };
const validAnswers = draftAnswers;

describe('reading a submitted issue', () => {
  it('turns a complete proposal into a valid blueprint', () => {
    const { data } = proposalFromIssue(issueBody(validAnswers), context);
    const result = blueprintSchema.safeParse({ ...data, illustrative: true });
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('maps dropdown labels back to their values', () => {
    expect(issueBody(validAnswers)).toContain('\n\nTechnical build\n');
    const { data } = proposalFromIssue(issueBody(validAnswers), context);
    expect(data).toMatchObject({ domain: 'technical-build', cost: { band: 'under-50k' }, outcome: { evidence: 'measured-locally' }, eprSupplier: 'oracle-health' });
  });

  it('reads a chosen label that itself contains a comma', () => {
    expect(parseMany('Asset and resource optimisation, Digital channels (NHS App, portals)', capabilities)).toEqual(['asset-resource-optimisation', 'digital-channels']);
  });

  it('passes an unknown choice on, so the validator can name it', () => {
    const { data } = proposalFromIssue(issueBody({ ...validAnswers, 'cost-band': 'Loads of money' }), context);
    expect((data.cost as { band: string }).band).toBe('Loads of money');
  });

  it('reads key questions one per line, without the bullets', () => {
    const bulleted = { ...validAnswers, keyQuestions: '- How do we give site managers a live view of free beds?\n2. What do ward clerks need to keep a bed board up to date?' };
    const { data } = proposalFromIssue(issueBody(bulleted), context);
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
