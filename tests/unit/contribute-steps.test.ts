import { describe, expect, it } from 'vitest';
import { questions, sectionFieldId } from '../../src/lib/contribute/questions';
import {
  answerRows, checkAnswersStep, errorsOnStep, firstStepWithErrors, questionSteps, sendStep, stepCaption, stepOfQuestion, steps, withTopic,
} from '../../src/lib/contribute/steps';
import { capabilities, pillars } from '../../src/lib/schema/taxonomy';
import { draftAnswers } from '../fixtures/contribute/answers';

describe('the drafting form’s steps', () => {
  it('asks every question exactly once, in the order the questions are listed', () => {
    expect(questionSteps.flatMap((s) => s.questions)).toEqual(questions);
  });

  it('keeps a few related questions on each step', () => {
    for (const step of questionSteps) {
      expect(step.questions.length, step.title).toBeGreaterThan(0);
      expect(new Set(step.questions.map((q) => q.group)), step.title).toEqual(new Set([step.title]));
    }
  });

  it('ends with check your answers, then send, and numbers every step', () => {
    expect(steps.slice(-2)).toEqual([checkAnswersStep, sendStep]);
    expect(stepCaption(steps[1])).toBe(`Step 2 of ${steps.length}`);
    expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
  });

  it('finds the step a question is on, and the first step with a problem', () => {
    expect(stepOfQuestion('title')).toBe(questionSteps[0]);
    expect(stepOfQuestion(sectionFieldId('What we did'))).toBe(questionSteps.at(-1));
    const errors = [{ id: 'contact', message: 'a' }, { id: 'careSettings', message: 'b' }, { id: '', message: 'c' }];
    expect(firstStepWithErrors(errors)).toBe(stepOfQuestion('careSettings'));
    expect(errorsOnStep(stepOfQuestion('contact')!, errors)).toEqual([{ id: 'contact', message: 'a' }]);
    expect(firstStepWithErrors([{ id: '', message: 'c' }])).toBeUndefined();
  });
});

describe('prefilling the topic from ?topic=', () => {
  it('adds a capability area or a pillar to its answer, keeping what was chosen', () => {
    const capability = capabilities[0].value;
    expect(withTopic({ capabilities: ['x'] }, capability).capabilities).toEqual(['x', capability]);
    expect(withTopic({}, pillars[0].value).pillars).toEqual([pillars[0].value]);
  });

  it('changes nothing for an unknown, empty or already chosen topic', () => {
    const values = { pillars: [pillars[0].value] };
    for (const topic of ['not-a-topic', '', null, '<script>', pillars[0].value]) expect(withTopic(values, topic)).toBe(values);
  });
});

describe('check your answers', () => {
  it('shows each answer in words, with the question as asked', () => {
    const rows = answerRows(draftAnswers, (slug) => (slug === 'northmoor-teaching-hospitals' ? 'Northmoor Teaching Hospitals' : undefined));
    const row = (id: string) => rows.find((r) => r.question.id === id)!;
    expect(row('title').question.label).toBe(questions.find((q) => q.id === 'title')!.label);
    expect(row('organisation').lines).toEqual(['Northmoor Teaching Hospitals']);
    expect(row('careSettings').lines).toEqual(['Acute']);
    expect(row('keyQuestions').lines).toHaveLength(2);
    expect(row('standards').lines).toEqual([]);
    expect(rows.some((r) => r.question.id === 'organisation-name')).toBe(false);
  });

  it('asks for the organisation’s name only when it is not listed', () => {
    const rows = answerRows({ ...draftAnswers, organisation: 'not-listed', 'organisation-name': 'Riverside Trust' }, () => undefined);
    expect(rows.find((r) => r.question.id === 'organisation')!.lines).toEqual(['My organisation is not listed']);
    expect(rows.find((r) => r.question.id === 'organisation-name')!.lines).toEqual(['Riverside Trust']);
  });
});
