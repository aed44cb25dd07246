/**
 * A downloaded draft opened again: the answers `answersFromMdx` reads back from a file the form
 * wrote make that same file again, whatever was typed, and what the form cannot hold is named.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftToMdx, withOrganisationName } from '../../src/lib/contribute/draft';
import { handOff } from '../../src/lib/contribute/hand-off';
import { checkMdxSource } from '../../src/lib/validate/rules/mdx-safety';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';
import { remarkMdxParser } from '../../src/lib/validate/remark-parser';
import { answersFromMdx } from '../../src/lib/contribute/draft-from-file';
import { organisationNotListed, questions, sectionFieldId } from '../../src/lib/contribute/questions';
import { renderBlueprint } from '../../src/lib/content/render-blueprint';
import { blueprintSections } from '../../src/lib/content/sections';
import type { DraftValues } from '../../src/lib/contribute/answers';
import { completeDraft, draftAnswers, whatWentWrong } from '../fixtures/contribute/answers';

const options = { today: '2025-06-30' };
const listed = ['northmoor-teaching-hospitals', 'fellbrook-hospitals'];

function read(source: string): { values: DraftValues; leftOut: string[] } {
  const result = answersFromMdx(source, listed);
  if ('error' in result) throw new Error(result.error);
  return result;
}

describe('a downloaded draft opened again', () => {
  it('gives back every answer the file holds', () => {
    const answers = completeDraft({ [whatWentWrong]: draftAnswers[whatWentWrong] });
    const { values, leftOut } = read(draftToMdx(answers, options));
    expect(leftOut).toEqual([]);
    for (const q of questions.filter((x) => x.path.length > 0 || x.kind === 'section')) {
      const given = answers[q.id];
      if (given === undefined || given === '' || (Array.isArray(given) && given.length === 0)) expect(values[q.id], q.id).toBeUndefined();
      else expect(values[q.id], q.id).toEqual(given);
    }
  });

  it('makes the same file again', () => {
    const file = draftToMdx(completeDraft(), options);
    expect(draftToMdx(read(file).values, options)).toBe(file);
  });

  it('makes the same file again whatever was typed', () => {
    // Pieces of text that mean something to YAML or MDX, as well as letters.
    const piece = fc.constantFrom('a', 'B', ' ', '\n', '\r\n', '#', '## ', '- ', '* ', '/', '{/* ', ' */}', ':', ': ', '"', "'", '`', '<', '>', '£', 'é', '\t', '|', '[', ']', '0', '1e3', 'null', 'true', '~', '2023-01', '---');
    const typed = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    const texts = questions.filter((q) => ['text', 'paragraph', 'lines', 'list', 'section'].includes(q.kind) && q.id !== 'organisation-name');
    fc.assert(
      fc.property(fc.array(typed, { minLength: texts.length, maxLength: texts.length }), (written) => {
        const answers = completeDraft(Object.fromEntries(texts.map((q, i) => [q.id, written[i]])));
        const file = draftToMdx(answers, options);
        expect(draftToMdx(read(file).values, options)).toBe(file);
      }),
      { numRuns: 300 },
    );
  });

  it('names an organisation the site does not list, so the same file comes back', () => {
    const file = draftToMdx(completeDraft({ organisation: organisationNotListed, 'organisation-name': 'Pennine Community Care' }), options);
    const { values } = read(file);
    expect(values).toMatchObject({ organisation: organisationNotListed, 'organisation-name': 'pennine-community-care' });
    expect(draftToMdx(values, options)).toBe(file);
  });

  it('gives back the full name of an organisation the site does not list, from the file the form downloads', () => {
    const answers = completeDraft({ organisation: organisationNotListed, 'organisation-name': 'St Ann’s Community Care NHS Trust' });
    const { mdx } = handOff(answers, { ...options, repository: 'blueprint-commons/blueprint-commons', branch: 'main' });
    expect(mdx).toContain('\n{/* Organisation not on the site yet: St Ann’s Community Care NHS Trust */}\n\n## ');
    const { values, leftOut } = read(mdx);
    expect(values).toMatchObject({ organisation: organisationNotListed, 'organisation-name': 'St Ann’s Community Care NHS Trust' });
    expect(leftOut).toEqual([]);
    expect(handOff(values, { ...options, repository: 'blueprint-commons/blueprint-commons', branch: 'main' }).mdx).toBe(mdx);
    // The safety gate allows the comment, and no name can end it early.
    const hostile = withOrganisationName(draftToMdx(answers, options), 'Evil */} <script>alert(1)</script> {/* Trust');
    for (const parser of [remarkMdxParser, nativeMdxParser]) {
      expect(checkMdxSource('draft.mdx', mdx, parser)).toEqual([]);
      expect(checkMdxSource('draft.mdx', hostile, parser)).toEqual([]);
    }
    // A name that no longer gives the file's organisation (the file was edited by hand) is not used.
    expect(read(mdx.replace(/^organisation: .*$/m, 'organisation: another-trust')).values['organisation-name']).toBe('another-trust');
  });

  it('names what the form has no question for, instead of dropping it silently', () => {
    const data = {
      type: 'blueprint', title: 'A title', related: ['other-blueprint'], pillars: ['improve-care', 'not-a-pillar'], eprSupplier: 'nobody',
      cost: { band: 'under-50k', note: ['a', { b: 1 }] }, startingPoint: { problem: 'Paper.', emramStage: 2 }, outcome: { headline: 'Better.', measures: [{ metric: 'x' }] }, status: 'draft',
    };
    const { values, leftOut } = read(`${renderBlueprint(data, {})}`.replace('\n## ', '\nA note of ours.\n\n## '));
    expect(values.pillars).toEqual(['improve-care']);
    expect(values).not.toHaveProperty('eprSupplier');
    expect(values['startingPoint-problem']).toBe('Paper.');
    expect(leftOut.sort()).toEqual(['cost.note', 'eprSupplier: nobody', 'outcome.measures', 'pillars: not-a-pillar', 'related', 'startingPoint.emramStage', 'the text before the first standard section']);
  });

  it('leaves out the prompts an empty section is written with, and keeps headings of the author’s own', () => {
    const what = sectionFieldId(blueprintSections[0].heading);
    const { values } = read(draftToMdx(completeDraft({ [what]: 'First.\n\n## A heading of ours\n\nSecond.' }), options));
    expect(values[what]).toBe('First.\n\n## A heading of ours\n\nSecond.');
    expect(Object.keys(values).filter((k) => k.startsWith('section-')).sort()).toEqual(
      blueprintSections.map((s) => sectionFieldId(s.heading)).filter((id) => completeDraft({ [what]: 'x' })[id]).sort(),
    );
  });

  it('says a file that is not a blueprint is not one', () => {
    for (const source of ['Just some notes.', '---\ntitle: [unclosed\n---\n', '---\n- a list\n---\n', '']) {
      const result = answersFromMdx(source, listed);
      expect(result, JSON.stringify(source)).toHaveProperty('error');
      expect((result as { error: string }).error).toMatch(/^it is not a blueprint file: it /);
    }
  });
});
