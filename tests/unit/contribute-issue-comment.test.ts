import { describe, expect, it } from 'vitest';
import { renderBlueprint } from '../../src/lib/content/render-blueprint';
import { parseSource } from '../../src/lib/content/front-matter';
import { botMarker, problemsComment, proposalProblems, successComment } from '../../src/lib/contribute/issue-comment';

const rendered = renderBlueprint({ title: 'A title that is long enough' }, { 'What we did': 'line one\nline two\nline three' });
const bodyLine = parseSource(rendered).bodyLine;
const lineOf = (text: string) => rendered.split('\n').indexOf(text) + 1;

describe('problems named by the question on the form', () => {
  it('names a front-matter field by its question', () => {
    const [p] = proposalProblems([{ file: 'x.mdx', line: 3, column: 1, field: 'outcome.headline', message: 'is too short' }], rendered, bodyLine);
    expect(p.where).toBe('Headline result');
  });

  it('names which key question is wrong', () => {
    const [p] = proposalProblems([{ file: 'x.mdx', line: 3, column: 1, field: 'keyQuestions.1', message: 'should be a question' }], rendered, bodyLine);
    expect(p.where).toBe('Key questions this answers (question 2)');
  });

  it('names the body section and the line within the answer', () => {
    const [p] = proposalProblems([{ file: 'x.mdx', line: lineOf('line three'), column: 1, field: 'mdx-safety', message: 'is not allowed' }], rendered, bodyLine);
    expect(p.where).toBe('What we did (line 3 of your answer)');
  });

  it('names the choices by the labels the proposer saw, not the stored values', () => {
    const [p] = proposalProblems([{ file: 'x.mdx', line: 3, column: 1, field: 'cost.band', message: '"Loads" is not one of under-50k, 50k-250k' }], rendered, bodyLine);
    expect(p.message).toBe('"Loads" is not one of the choices: pick one of Under £50k, £50k to £250k, £250k to £1m, Over £1m');
  });

  it('asks for the declarations when they are not ticked', () => {
    const [p] = proposalProblems([], rendered, bodyLine, ['confirm']);
    expect(p.where).toBe('Before you submit');
  });

  it('reports the same problem once', () => {
    const problem = { file: 'x.mdx', line: 3, column: 1, field: 'title', message: 'is too short' };
    expect(proposalProblems([problem, problem], rendered, bodyLine)).toHaveLength(1);
  });
});

describe('the bot’s comments', () => {
  it('carry the hidden marker the bot finds its comment by', () => {
    expect(problemsComment([{ where: 'Title', message: 'is too short' }])).toContain(botMarker);
    expect(successComment({ number: 3, url: 'https://github.com/o/r/pull/3', created: true }, 'src/content/blueprints/x.mdx')).toContain(botMarker);
  });

  it('read each problem as a sentence', () => {
    expect(problemsComment([{ where: 'Title', message: 'is too short: write more' }])).toContain('- **Title** is too short: write more');
  });

  it('count the problems', () => {
    expect(problemsComment([{ where: 'Title', message: 'a' }, { where: 'Summary', message: 'b' }])).toContain('2 things to change');
  });

  it('never echo HTML or mentions from the proposal', () => {
    const comment = problemsComment([{ where: 'Domain', message: '"<img src=x> @octocat" is not one of strategy' }]);
    expect(comment).not.toContain('<img');
    expect(comment).not.toMatch(/@octocat/);
  });

  it('link the pull request', () => {
    expect(successComment({ number: 3, url: 'https://github.com/o/r/pull/3', created: true }, 'src/content/blueprints/x.mdx')).toContain('https://github.com/o/r/pull/3');
  });

  it('list at most 50 problems and count the rest, so the comment stays under GitHub\u2019s 65,536 characters', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ where: `What we did (line ${i + 1} of your answer)`.repeat(20), message: `{a} is code, which would run while the site is built: remove it. ${'x'.repeat(600)}` }));
    const comment = problemsComment(many);
    expect(comment.length).toBeLessThan(65_536);
    expect(comment.match(/^- \*\*/gm)).toHaveLength(50);
    expect(comment).toContain('- …and 9,950 more: change these first, and the checks list the rest when you save');
    expect(problemsComment(many.slice(0, 50))).not.toContain('more: change these first');
  });
});
