import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validate';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';
import { avoidableThingIn, isWhatWentWrongHeading, minimumWhatWentWrongWords, whatWentWrongShortfall, wordCount } from '../../src/lib/content/what-went-wrong';

const narrative =
  'The tablets arrived in March, three months after the training had finished, and most nurses had forgotten the log-in steps by then. ' +
  'Two teams went back to paper for a month. The supplier sent an engineer once a week. The project manager left in May and the post ' +
  'stayed empty until September. By the end of the year about half of visits were recorded on the tablet, against a target of all of them, ' +
  'and the base still printed the day list every morning for the teams that worked where there was no signal. ' +
  'Managers heard about each problem weeks after it started, from complaints rather than from the teams, and the board report ' +
  'for the autumn showed the project as green throughout.';

describe('the "what went wrong" section', () => {
  it('is recognised by the headings authors write for it', () => {
    for (const heading of ['What went wrong and what we would do differently', 'What went wrong', 'What went wrong and what we would change', 'What we would do differently', 'What did not go to plan', 'Lessons we learned']) {
      expect(isWhatWentWrongHeading(heading), heading).toBe(true);
    }
    for (const heading of ['What we did', 'Benefits and evidence', 'Where we are now', 'What changed']) expect(isWhatWentWrongHeading(heading), heading).toBe(false);
  });

  it('counts words a reader reads, not Markdown punctuation', () => {
    expect(wordCount('**Too little time.** One session a week — not enough; e-learning didn’t help.')).toBe(12);
  });

  it('finds advice, hindsight and changed practice', () => {
    expect(avoidableThingIn('Next time we would train night staff first.')).toBe('Next time');
    expect(avoidableThingIn('Avoid buying devices before the software.')).toBe('Avoid');
    expect(avoidableThingIn('We now fund four sessions a week.')).toBe('We now');
    expect(avoidableThingIn('The CCIO should not be the clinical safety officer.')).toBe('should');
  });

  it('finds a sentence that tells the reader what to do', () => {
    expect(avoidableThingIn('Two wards never got screens. Agree the screens with every hospital before go-live.')).toBe('Agree the');
    expect(avoidableThingIn('Questions queued for weeks.\nPlan for a faster route from the start')).toMatch(/Plan for|from the start/);
  });

  it('finds nothing in a section that only tells what happened', () => {
    expect(avoidableThingIn(narrative)).toBeUndefined();
  });

  it('passes a section with enough words and a lesson', () => {
    const text = `${narrative} Next time we would deliver the devices before the training, not after it.`;
    expect(wordCount(text)).toBeGreaterThanOrEqual(minimumWhatWentWrongWords);
    expect(whatWentWrongShortfall(text)).toBeUndefined();
  });

  it('names the word count and the fix when a section is too short', () => {
    expect(whatWentWrongShortfall('Too long. Next time we would write less.')).toMatch(/^has 8 words, and needs at least 120: say what did not work, what it cost you/);
  });

  it('says what is missing when a long section draws no lesson', () => {
    expect(wordCount(narrative)).toBeGreaterThanOrEqual(minimumWhatWentWrongWords);
    expect(whatWentWrongShortfall(narrative)).toMatch(/^says nothing another organisation could avoid: add at least one sentence/);
  });

  it('reports both shortfalls at once', () => {
    expect(whatWentWrongShortfall('Too long.')).toMatch(/^has 2 words, .*; it also says nothing another organisation could avoid/);
  });
});

describe('the what-went-wrong and redprint-section rules', () => {
  const valid = ['blueprints/fixture-valid-blueprint.mdx', 'blueprints/fixture-valid-redprint.mdx', 'organisations/fixture-hospitals.yaml', 'organisations/fixture-community.yaml', 'organisations/fixture-named-trust.yaml', 'playbooks/fixture-valid-playbook.mdx'].map((name) => ({
    path: `tests/fixtures/valid/${name}`,
    source: readFileSync(`tests/fixtures/valid/${name}`, 'utf8'),
  }));
  const redprint = valid[1];
  const problemsWith = (source: string) => {
    const path = 'tests/fixtures/generated/redprint.mdx';
    return validateContent([...valid.filter((f) => f !== redprint), { path, source }], { parser: nativeMdxParser, only: new Set([path]) }).problems;
  };

  it('accept a redprint whose section has a shorter heading of its own', () => {
    const source = redprint.source.replace('## What went wrong and what we would do differently', '## What went wrong, in the order we found out');
    expect(source).not.toBe(redprint.source);
    expect(problemsWith(source)).toEqual([]);
  });

  it('refuse a redprint whose section is empty, but let a blueprint leave it empty', () => {
    const empty = redprint.source.replace(/(## What went wrong[^\n]*\n)[\s\S]*$/, '$1\n{/* Be honest: what did not work. */}\n');
    expect(problemsWith(empty)).toMatchObject([{ field: 'what-went-wrong', message: expect.stringMatching(/has 0 words/) }]);
    expect(problemsWith(empty.replace('type: redprint', 'type: blueprint'))).toEqual([]);
  });
});
