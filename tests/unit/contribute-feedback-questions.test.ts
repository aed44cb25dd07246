/**
 * Feedback on a page: the generated issue form matches its question list and the committed file,
 * the page links fill in the field GitHub reads, and an answer to "Which page?" is read as a page
 * of the site only when it names one: by its file, as the links give it, or by its address.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { feedbackQuestions, missingFeedbackAnswers, pageNamed } from '../../src/lib/contribute/feedback-questions';
import { feedbackFormFile } from '../../src/lib/contribute/issue-form-files';
import { feedbackForm, issueFormYaml } from '../../src/lib/contribute/issue-form';
import { githubLinks, paths } from '../../src/lib/content/urls';

describe('the generated feedback form', () => {
  const form = parse(issueFormYaml(feedbackForm)) as { labels: string[]; body: { id?: string }[] };

  it('matches the committed file (run npm run generate:issue-form if this fails)', () => {
    expect(readFileSync(new URL(`../../${feedbackFormFile}`, import.meta.url), 'utf8')).toBe(issueFormYaml(feedbackForm));
  });

  it('asks every feedback question, in order, then the confirmation, and labels the issue feedback', () => {
    expect(form.body.filter((e) => e.id).map((e) => e.id)).toEqual([...feedbackQuestions.map((q) => q.id), 'confirm']);
    expect(form.labels).toEqual(['feedback']);
  });

  it('is what each page links to, with the page filled in', () => {
    const link = new URL(githubLinks('o/r', 'main', 'src/content/playbooks/x.mdx', 'X').feedback);
    expect(link.searchParams.get('template')).toBe('feedback.yml');
    expect(link.searchParams.get('page')).toBe('src/content/playbooks/x.mdx');
    expect(paths.feedback('src/content/playbooks/x.mdx')).toBe('/feedback/?page=src%2Fcontent%2Fplaybooks%2Fx.mdx');
    expect(paths.feedback('src/content/playbooks/x.mdx', 'X & Y')).toBe('/feedback/?page=src%2Fcontent%2Fplaybooks%2Fx.mdx&title=X+%26+Y');
    expect(paths.feedback()).toBe('/feedback/');
  });
});

describe('the page feedback names', () => {
  it.each([
    ['src/content/blueprints/electronic-observations.mdx', { kind: 'blueprint', slug: 'electronic-observations' }],
    ['src/content/templates/benefits-register.yaml', { kind: 'template', slug: 'benefits-register' }],
    ['https://nhs.example.org/blueprint-commons/playbooks/choose-an-epr/?q=1#step-2', { kind: 'playbook', slug: 'choose-an-epr' }],
    ['/Blueprints/Electronic-Observations', { kind: 'blueprint', slug: 'electronic-observations' }],
  ])('reads %s as a page', (answer, page) => {
    expect(pageNamed(answer)).toEqual(page);
  });

  it.each([
    'The EPR playbook',
    'src/content/organisations/northmoor.yaml',
    'src/content/blueprints/../../../package.json',
    '/blueprints/',
    '/organisations/northmoor/',
  ])('reads %s as no page', (answer) => {
    expect(pageNamed(answer)).toBeUndefined();
  });
});

describe('what feedback needs before it is sent', () => {
  it('is a kind from the list, the feedback and the confirmation; the page (empty for the whole site) and the role are optional', () => {
    expect(missingFeedbackAnswers({ kind: 'wrong', feedback: 'y', confirm: ['no-patient-data'] })).toEqual([]);
    expect(missingFeedbackAnswers({ kind: 'upside-down' }).map((e) => e.id)).toEqual(['feedback', 'kind', 'confirm']);
  });

  it('holds no NHS number, email address or phone number in any written answer, as it is published', () => {
    const answers = { kind: 'wrong', confirm: ['no-patient-data'] };
    expect(missingFeedbackAnswers({ ...answers, feedback: 'The patient, 943 476 5919, could not be found.' })).toEqual([
      { id: 'feedback', message: '“Feedback” seems to hold an NHS number, and nothing published may identify a patient: take it out' },
    ]);
    expect(missingFeedbackAnswers({ ...answers, feedback: 'Fine', page: 'Call 0113 496 0000', role: 'CCIO' }).map((e) => e.id)).toEqual(['page']);
    // Every kind in one message, the NHS number first wherever it is: one attempt takes them all out.
    expect(missingFeedbackAnswers({ ...answers, feedback: 'Ring 0113 496 0000 about 943 476 5919, or write to a.b@nhs.net.' })).toEqual([
      { id: 'feedback', message: '“Feedback” seems to hold an NHS number, a phone number and an email address, and nothing published may identify a patient: take them out' },
    ]);
    expect(missingFeedbackAnswers({ ...answers, feedback: 'Write to a.b@nhs.net or ring 0113 496 0000.' })[0].message).toMatch(/^“Feedback” seems to hold an email address and a phone number\. What you send is published for anyone to read, so take them out;/);
    expect(missingFeedbackAnswers({ ...answers, feedback: 'The example 999 000 0018 and https://example.org/9434765919 are fine', page: 'src/content/blueprints/x.mdx' })).toEqual([]);
  });
});
