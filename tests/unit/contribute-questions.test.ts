import { describe, expect, it } from 'vitest';
import { blueprintSections } from '../../src/lib/content/sections';
import { fieldId, questionForProblem, questions, sectionFieldId } from '../../src/lib/contribute/questions';
import { blueprintSchema } from '../../src/lib/schema';

/** The schema for a front-matter path, unwrapped from optional and default. */
function schemaAt(path: readonly string[]): unknown {
  let node: unknown = (blueprintSchema as unknown as { in: unknown }).in;
  for (const key of path) {
    while ((node as { unwrap?: () => unknown }).unwrap) node = (node as { unwrap: () => unknown }).unwrap();
    node = (node as { shape: Record<string, unknown> }).shape[key];
  }
  while ((node as { unwrap?: () => unknown }).unwrap) node = (node as { unwrap: () => unknown }).unwrap();
  return node;
}

/** The length limits of a text question, or of each item of a list: [min, max]. */
function limitsOf(path: readonly string[]): [number, number] | undefined {
  let node = schemaAt(path) as { minLength?: number | null; maxLength?: number | null; element?: unknown };
  if (node.element) node = node.element as typeof node;
  return typeof node.maxLength === 'number' ? [node.minLength ?? 0, node.maxLength] : undefined;
}

describe('the contribution questions', () => {
  it('uses each id and each label once', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    expect(new Set(questions.map((q) => q.label)).size).toBe(questions.length);
  });

  it('gives every front-matter question the id of its schema path', () => {
    for (const q of questions.filter((x) => x.path.length)) expect(q.id).toBe(fieldId(q.path));
    expect(fieldId(['outcome', 'headline'])).toBe('outcome-headline');
  });

  it('asks only for front-matter the blueprint schema has', () => {
    for (const q of questions.filter((x) => x.path.length)) expect(schemaAt(q.path), q.id).toBeDefined();
  });

  it('has one question for each standard body section, named section-<heading>', () => {
    expect(questions.filter((q) => q.kind === 'section').map((q) => q.section)).toEqual(blueprintSections.map((s) => s.heading));
    expect(sectionFieldId('What we did')).toBe('section-what-we-did');
  });

  it('states in its hint the length limits the schema sets', () => {
    const checked = questions.filter((q) => q.path.length && limitsOf(q.path));
    expect(checked.map((q) => q.id)).toEqual(expect.arrayContaining(['title', 'summary', 'keyQuestions', 'cost-note', 'outcome-headline', 'startingPoint-problem']));
    for (const q of checked) {
      const [min, max] = limitsOf(q.path)!;
      expect(q.hint, q.id).toContain(min > 1 ? `${min} to ${max}` : `${max}`);
      expect(q.hint, q.id).toMatch(/character/);
    }
  });
});

describe('finding the question a problem belongs to', () => {
  it.each([
    ['title', 'title', undefined],
    [['title'], 'title', undefined],
    ['outcome.headline', 'outcome-headline', undefined],
    [['cost', 'band'], 'cost-band', undefined],
    ['cost', 'cost-band', undefined],
    ['keyQuestions.2', 'keyQuestions', 2],
    [['keyQuestions', 0], 'keyQuestions', 0],
    ['careSettings.1', 'careSettings', 1],
    ['timeline', 'timeline-end', undefined],
    ['startingPoint.problem', 'startingPoint-problem', undefined],
    ['partners.0', 'partners', 0],
  ] as const)('puts a problem at %j on %s', (path, id, item) => {
    const found = questionForProblem(path as string | readonly PropertyKey[]);
    expect(found?.question.id).toBe(id);
    expect(found?.item).toBe(item);
  });

  it.each(['published', 'status', 'licence', 'body', '', 'startingPoint.emramStage'])('finds no question for %j', (path) => {
    expect(questionForProblem(path)).toBeUndefined();
  });
});
