/**
 * A suggested change to one part of a blueprint, playbook or template: the questions' checks, the
 * parts read from a file (a playbook's steps and a template's texts among them), and the change
 * made to it, which must touch only that part's text and leave every other byte of the file as it was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedPageOf, missingChangeAnswers, notAChangeablePage } from '../../src/lib/contribute/change-questions';
import { headingLineIn, headingOf } from '../../src/lib/content/body-headings';
import { ChangeError, changeablePartsOf, changedSource, sectionsOf } from '../../src/lib/contribute/section-change';
import { keptChangeState, normalisedText } from '../../src/lib/contribute/part-text';
import { parseSource, parseYaml, valueRange } from '../../src/lib/content/front-matter';

const dir = 'src/content/blueprints';
const bundled = readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort();
const sourceOf = (name: string) => readFileSync(`${dir}/${name}`, 'utf8');

/** The message of the ChangeError that `f` throws; fails if it throws none. */
function refusal(f: () => string): string {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(ChangeError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

const file = `---
title: A made-up blueprint
---

Opening words before any part.

## Starting point

We had paper.

## What we did

- One step
- Another

\`\`\`text
## not a part: inside a code block
\`\`\`

## Resources ##

[A link](https://example.org)
`;

describe('what a change needs before it is sent', () => {
  const answers = { page: 'x', section: 'Starting point', text: 'New words.', why: 'It was wrong.', confirm: ['accurate', 'no-patient-data'] };
  it('is the page, a part, the new text, why, and both statements', () => {
    expect(missingChangeAnswers(answers)).toEqual([]);
    expect(missingChangeAnswers({}).map((e) => e.id)).toEqual(['page', 'section', 'text', 'why', 'confirm']);
    expect(missingChangeAnswers({ ...answers, confirm: ['accurate'] }).map((e) => e.id)).toEqual(['confirm']);
  });

  it('refuses new text that would start a part of its own, saying on which line', () => {
    expect(missingChangeAnswers({ ...answers, text: 'First.\n\n## A new part\n\nMore.' })).toEqual([{ id: 'text', message: expect.stringContaining('heading on line 3') }]);
    expect(headingLineIn('Words\n---')).toBe(1);
    expect(headingLineIn('# Top')).toBe(1);
    expect(headingLineIn('Words\n\n---\n\n### A heading inside the part\n\n```\n## in code\n```')).toBe(0);
    expect(missingChangeAnswers({ ...answers, text: 'x'.repeat(20_001) })).toEqual([{ id: 'text', message: expect.stringMatching(/^New text is 20,001 characters/) }]);
    // A playbook step's description is one paragraph, and so is a template's summary; a template section's guidance is paragraphs.
    const step = { ...answers, page: '/playbooks/get-ready/', section: 'Step: Do the thing' };
    expect(missingChangeAnswers({ ...step, text: 'One.\n\nTwo.' })).toEqual([{ id: 'text', message: 'New text has line breaks, and this part is one paragraph: take them out' }]);
    expect(missingChangeAnswers({ ...step, text: '  One paragraph.\r\n' })).toEqual([]);
    expect(missingChangeAnswers({ ...answers, section: 'Step: Do the thing', text: 'A blueprint’s part.\n\nTwo paragraphs.' })).toEqual([]);
    const template = { ...answers, page: '/templates/benefits-register/' };
    expect(missingChangeAnswers({ ...template, section: 'Summary', text: 'One.\nTwo.' })).toEqual([{ id: 'text', message: 'New text has line breaks, and this part is one paragraph: take them out' }]);
    expect(missingChangeAnswers({ ...template, section: 'Section: Strategic case', text: 'One.\n\n  \nTwo.\r\n\r\nThree.' })).toEqual([]);
    expect(missingChangeAnswers({ ...template, section: 'Section: Strategic case', text: 'One.\nStill one.\n\nTwo.' })).toEqual([{ id: 'text', message: 'New text has a line break inside a paragraph: leave a blank line between paragraphs and none inside one' }]);
    expect(missingChangeAnswers({ ...template, section: 'Section: Strategic case', text: '## Not a heading here, but words' })).toEqual([]);
  });
});

describe('the page a change is to', () => {
  it('is a blueprint, playbook or template named by its address, a full link or its file, or a blueprint by its short name alone', () => {
    expect(changedPageOf('/blueprints/ward-rounds/')).toEqual({ kind: 'blueprint', slug: 'ward-rounds' });
    expect(changedPageOf(' https://example.nhs.uk/commons/playbooks/Get-Ready/?x=1 ')).toEqual({ kind: 'playbook', slug: 'get-ready' });
    expect(changedPageOf('src/content/playbooks/get-ready.mdx')).toEqual({ kind: 'playbook', slug: 'get-ready' });
    expect(changedPageOf('Ward-Rounds')).toEqual({ kind: 'blueprint', slug: 'ward-rounds' });
    expect(changedPageOf('/templates/benefits-register/')).toEqual({ kind: 'template', slug: 'benefits-register' });
    expect(changedPageOf('src/content/templates/benefits-register.yaml')).toEqual({ kind: 'template', slug: 'benefits-register' });
  });

  it('is none for a title or anything else, and says so naming the answer', () => {
    for (const answer of ['/organisations/fellbrook/', 'Ward rounds on tablets', '../../etc/passwd', '']) expect(changedPageOf(answer), answer).toBeUndefined();
    expect(notAChangeablePage(` ${'x'.repeat(100)} `)).toBe(`We could not find a blueprint, playbook or template from “${'x'.repeat(80)}…”: copy the page’s address from your browser, such as /blueprints/<short name>/`);
  });
});

describe('a heading line', () => {
  it('reads as the CommonMark-style pattern it replaced did, on any short line', () => {
    const pattern = /^##[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\t', '#', 'a', 'b'), { maxLength: 14 }), fc.constantFrom('', '#', '##', '## ', '###', ' ##'), (chars, start) => {
        const line = start + chars.join('');
        const found = pattern.exec(line);
        expect(headingOf(line), JSON.stringify(line)).toBe(found ? found[1].trim() : undefined);
      }),
      { numRuns: 5000 },
    );
  });

  it('is read in one pass, however many spaces a line holds', () => {
    const started = performance.now();
    expect(headingOf(`## Notes${' '.repeat(90_000)}x`)).toBe(`Notes${' '.repeat(90_000)}x`);
    expect(headingOf(`## Notes${' \t'.repeat(90_000)}#`)).toBe('Notes');
    // Far above one pass (the pattern took about 20 s on the first), so only a blow-up fails it.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('the parts of a blueprint', () => {
  it('are its ## headings outside code blocks, each with the text under it, trimmed', () => {
    expect(sectionsOf(file)).toEqual([
      { heading: 'Starting point', text: 'We had paper.' },
      { heading: 'What we did', text: '- One step\n- Another\n\n```text\n## not a part: inside a code block\n```' },
      { heading: 'Resources', text: '[A link](https://example.org)' },
    ]);
  });

  it('of every bundled blueprint are found, with a heading and text each', () => {
    for (const name of bundled) {
      const parts = sectionsOf(sourceOf(name));
      expect(parts.length, name).toBeGreaterThan(3);
      expect(parts.every((p) => p.heading && p.text), name).toBe(true);
    }
  });
});

describe('a change kept in the browser', () => {
  it('has landed when the part reads as its text, is overtaken when the part no longer reads as it started, and is open otherwise', () => {
    const kept = { original: 'We had paper.', text: 'We had paper and fax.' };
    expect(keptChangeState(kept, 'We had paper and fax.')).toBe('landed');
    expect(keptChangeState(kept, '  We had paper and fax.  \r\n')).toBe('landed');
    expect(keptChangeState(kept, 'We had paper.\r\n')).toBe('open');
    expect(keptChangeState(kept, 'We had ink.')).toBe('overtaken');
  });
});

describe('a change to one part', () => {
  it('replaces only that part’s text, in the file’s own line endings', () => {
    const after = changedSource(file, 'blueprint', 'What we did', '- One step\n- Another\n\n```text\n## not a part: inside a code block\n```', 'We did it in three steps.\r\n\r\n- One\n- Two  ');
    expect(after).toBe(file.replace(/(## What we did\n)[\s\S]*?(\n## Resources)/, '$1\nWe did it in three steps.\n\n- One\n- Two\n$2'));
    const crlf = file.replace(/\n/g, '\r\n');
    const last = changedSource(crlf, 'blueprint', 'Resources', '[A link](https://example.org)', 'No links yet.');
    expect(last).toBe(crlf.replace(/\[A link\]\(https:\/\/example\.org\)\r\n$/, 'No links yet.\r\n'));
  });

  it('is refused when the part has changed since the contributor started, is missing or is there twice, or the text would add a part', () => {
    expect(refusal(() => changedSource(file, 'blueprint', 'Starting point', 'We had ink.', 'We had nothing.'))).toMatch(/^has had its part “Starting point” changed since you started/);
    expect(refusal(() => changedSource(file, 'blueprint', 'Funding', '', 'Money.'))).toMatch(/^has no part “Funding” now/);
    expect(refusal(() => changedSource(`${file}\n## Starting point\n\nAgain.\n`, 'blueprint', 'Starting point', 'We had paper.', 'x'))).toMatch(/more than one part/);
    expect(refusal(() => changedSource(file, 'blueprint', 'Starting point', 'We had paper.', 'Words\n\n## Sneaky'))).toMatch(/would gain a heading on line 3/);
  });

  it('of any bundled blueprint, to any part, leaves the front-matter and every other part exactly as they were', () => {
    const line = fc.stringMatching(/^[A-Za-z0-9 ,.'()£%-]{1,60}$/).filter((l) => headingLineIn(l) === 0 && !/^\s*[-=]+\s*$/.test(l));
    fc.assert(
      fc.property(fc.constantFrom(...bundled), fc.nat(), fc.array(line, { minLength: 1, maxLength: 6 }), fc.boolean(), (name, pick, lines, crlf) => {
        const source = crlf ? sourceOf(name).replace(/\n/g, '\r\n') : sourceOf(name);
        const parts = sectionsOf(source);
        const part = parts[pick % parts.length];
        if (parts.filter((p) => p.heading === part.heading).length > 1) return;
        const text = lines.join('\n\n');
        const after = changedSource(source, 'blueprint', part.heading, part.text, text);
        expect(parseSource(after).data).toEqual(parseSource(source).data);
        const now = sectionsOf(after);
        expect(now.map((p) => p.heading)).toEqual(parts.map((p) => p.heading));
        for (const [i, p] of now.entries()) expect(p.text).toBe(p.heading === part.heading ? normalisedText(text) : parts[i].text);
        // Outside the part, byte for byte: what comes before its text and what follows it.
        const unix = (s: string) => s.replace(/\r\n/g, '\n');
        const at = unix(source).indexOf(part.text, unix(source).indexOf(`\n## ${part.heading}`));
        expect(unix(after).startsWith(unix(source).slice(0, at).trimEnd())).toBe(true);
        expect(unix(after).endsWith(unix(source).slice(at + part.text.length).trimStart())).toBe(true);
        expect(after.includes('\r\n')).toBe(crlf);
        expect(/[^\r]\n/.test(after)).toBe(!crlf);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a change to a playbook step', () => {
  const playbooks = readdirSync('src/content/playbooks').filter((f) => f.endsWith('.mdx')).sort().map((f) => `src/content/playbooks/${f}`);
  type Step = { title: string; description: string };
  const stepsIn = (source: string) => (parseSource(source).data as { steps: Step[] }).steps;

  it('is offered after the body’s parts, one part per step, headed "Step: " and its title', () => {
    for (const path of playbooks) {
      const source = readFileSync(path, 'utf8');
      const parts = changeablePartsOf(source, 'playbook');
      expect(parts.slice(0, sectionsOf(source).length), path).toEqual(sectionsOf(source));
      expect(parts.slice(sectionsOf(source).length), path).toEqual(stepsIn(source).map((s) => ({ heading: `Step: ${s.title}`, text: s.description })));
    }
    expect(changeablePartsOf(file, 'blueprint')).toEqual(sectionsOf(file));
  });

  it('of any bundled playbook, to any step, any one-line text, changes that description and not another byte', () => {
    const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 120 }).filter((t) => !/[\r\n\u0085\u2028\u2029]/.test(t) && normalisedText(t) !== '');
    fc.assert(
      fc.property(fc.constantFrom(...playbooks), fc.nat(), text, fc.boolean(), (path, pick, words, crlf) => {
        const source = crlf ? readFileSync(path, 'utf8').replace(/\n/g, '\r\n') : readFileSync(path, 'utf8');
        const steps = stepsIn(source);
        const i = pick % steps.length;
        let after: string;
        try {
          after = changedSource(source, 'playbook', `Step: ${steps[i].title}`, steps[i].description, words);
        } catch (error) {
          // Refused rather than written wrong: only text YAML cannot hold as it was typed.
          expect(error).toBeInstanceOf(ChangeError);
          expect((error as Error).message).toMatch(/cannot be made to safely/);
          return;
        }
        const range = valueRange(source, ['steps', i, 'description'], { yaml: false })!.at;
        expect(after.slice(0, range[0])).toBe(source.slice(0, range[0]));
        expect(after.endsWith(source.slice(range[1]))).toBe(true);
        const expected = structuredClone(parseSource(source).data) as { steps: Step[] };
        expected.steps[i].description = normalisedText(words);
        expect(parseSource(after).data).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('is refused when the step has changed since, has gone, or the text has line breaks', () => {
    const source = readFileSync(playbooks[0], 'utf8');
    const [first] = stepsIn(source);
    expect(refusal(() => changedSource(source, 'playbook', `Step: ${first.title}`, 'Something else.', 'New words for the step.'))).toMatch(/^has had its part “Step: .*” changed since you started/);
    expect(refusal(() => changedSource(source, 'playbook', 'Step: No such step', '', 'New words.'))).toMatch(/^has no part “Step: No such step” now/);
    expect(refusal(() => changedSource(source, 'playbook', `Step: ${first.title}`, first.description, 'One line.\n\nAnother paragraph.'))).toMatch(/one paragraph/);
    // A description written as a block scalar (folded or literal) becomes a quoted one; the line after it stays.
    for (const block of ['>-', '|']) {
      const folded = `---\ntitle: A playbook\nsteps:\n  - title: One\n    description: ${block}\n      First line of it\n      and the second.\n    blueprints: [a]\n---\n\n## Why\n\nBody.\n`;
      const [one] = changeablePartsOf(folded, 'playbook').filter((p) => p.heading === 'Step: One');
      expect(changedSource(folded, 'playbook', 'Step: One', one.text, 'New text for it.')).toBe(folded.replace(/description: [>|]-?\n.*\n.*\n/, 'description: "New text for it."\n'));
    }
    const changed = changedSource(source, 'playbook', `Step: ${first.title}`, first.description, 'Quotes " and \\ and: a colon # and a hash, “curly” – all kept.');
    expect(stepsIn(changed)[0].description).toBe('Quotes " and \\ and: a colon # and a hash, “curly” – all kept.');
  });
});

describe('a change to a template', () => {
  const templates = readdirSync('src/content/templates').filter((f) => f.endsWith('.yaml')).sort().map((f) => `src/content/templates/${f}`);
  type Template = { summary: string; whenToUse: string; sections: { heading: string; guidance: string[] }[]; columns: { name: string; hint: string }[] };
  const dataOf = (source: string) => parseYaml(source).data as Template;
  /** Where each part's value is in a template's data. */
  const pathsOf = (t: Template) => new Map<string, (string | number)[]>([
    ['Summary', ['summary']],
    ['When to use it', ['whenToUse']],
    ...(t.sections ?? []).map((s, i) => [`Section: ${s.heading}`, ['sections', i, 'guidance']] as [string, (string | number)[]]),
    ...(t.columns ?? []).map((c, i) => [`Column: ${c.name}`, ['columns', i, 'hint']] as [string, (string | number)[]]),
  ]);

  it('offers its summary, when to use it, each section’s guidance and each column’s hint, as the data has them', () => {
    for (const path of templates) {
      const source = readFileSync(path, 'utf8');
      const t = dataOf(source);
      expect(changeablePartsOf(source, 'template'), path).toEqual([
        { heading: 'Summary', text: t.summary },
        { heading: 'When to use it', text: t.whenToUse },
        ...(t.sections ?? []).map((s) => ({ heading: `Section: ${s.heading}`, text: s.guidance.join('\n\n') })),
        ...(t.columns ?? []).map((c) => ({ heading: `Column: ${c.name}`, text: c.hint })),
      ]);
    }
  });

  it('of any bundled template, to any part, any text it may hold, changes that value and not another byte', () => {
    const paragraph = fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).filter((t) => !/[\r\n\u0085\u2028\u2029]/.test(t) && normalisedText(t) !== '');
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.nat(), fc.array(paragraph, { minLength: 1, maxLength: 4 }), fc.boolean(), (path, pick, paragraphs, crlf) => {
        const source = crlf ? readFileSync(path, 'utf8').replace(/\n/g, '\r\n') : readFileSync(path, 'utf8');
        const parts = changeablePartsOf(source, 'template');
        const part = parts[pick % parts.length];
        const where = pathsOf(dataOf(source)).get(part.heading)!;
        const list = where[where.length - 1] === 'guidance';
        const typed = list ? paragraphs.join('\n\n') : paragraphs[0];
        let after: string;
        try {
          after = changedSource(source, 'template', part.heading, part.text, typed);
        } catch (error) {
          // Refused rather than written wrong: only text YAML cannot hold as it was typed.
          expect(error).toBeInstanceOf(ChangeError);
          expect((error as Error).message).toMatch(/cannot be made to safely/);
          return;
        }
        const range = valueRange(source, where, { yaml: true })!.at;
        expect(after.slice(0, range[0])).toBe(source.slice(0, range[0]));
        expect(after.endsWith(source.slice(range[1]))).toBe(true);
        const expected = structuredClone(dataOf(source)) as unknown as { [key: string]: unknown };
        let at = expected;
        for (const key of where.slice(0, -1)) at = at[key] as typeof at;
        at[where[where.length - 1]] = list ? paragraphs.map(normalisedText) : normalisedText(typed);
        expect(parseYaml(after).data).toEqual(expected);
        expect(after.includes('\r\n')).toBe(crlf);
        expect(/[^\r]\n/.test(after)).toBe(!crlf);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  const written = `title: A made-up template
summary: >-
  What it is for,
  over two lines.
sections:
  - heading: First
    guidance: ["One.", 'Two.']
  - heading: Second
    guidance:
    - One.
    # a comment, which goes with the list
    - |
      Two.
    prompts: []
columns:
  - name: Owner
    hint: Who it is.
`;

  it('keeps a list in brackets in brackets, and a list of dashes at its own indent, whatever was inside it', () => {
    expect(changedSource(written, 'template', 'Section: First', 'One.\n\nTwo.', 'Uno.\n\nDos.\n\nTres.')).toBe(written.replace(`["One.", 'Two.']`, '["Uno.", "Dos.", "Tres."]'));
    expect(changedSource(written, 'template', 'Section: Second', 'One.\n\nTwo.', 'Only one.')).toBe(written.replace(/    - One\.\n.*\n    - \|\n      Two\.\n/, '    - "Only one."\n'));
    expect(changedSource(written, 'template', 'Summary', 'What it is for,\nover two lines.'.replace('\n', ' '), 'For this.')).toBe(written.replace(/>-\n.*\n.*\n/, '"For this."\n'));
    expect(changedSource(written, 'template', 'Column: Owner', 'Who it is.', 'The role: not a name.')).toBe(written.replace('hint: Who it is.', 'hint: "The role: not a name."'));
  });

  it('is refused when the part has changed since or gone, or the text has the wrong line breaks', () => {
    expect(refusal(() => changedSource(written, 'template', 'Column: Owner', 'Someone.', 'New.'))).toMatch(/^has had its part “Column: Owner” changed since you started/);
    expect(refusal(() => changedSource(written, 'template', 'Column: Lead', '', 'New.'))).toMatch(/^has no part “Column: Lead” now/);
    expect(refusal(() => changedSource(written, 'template', 'Column: Owner', 'Who it is.', 'One.\n\nTwo.'))).toMatch(/as one paragraph/);
    expect(refusal(() => changedSource(written, 'template', 'Section: First', 'One.\n\nTwo.', 'One,\nstill one.'))).toMatch(/on one line/);
    // A template has no body parts, whatever its text looks like.
    expect(changeablePartsOf(`${written}# ## Not a part\n`, 'template').map((p) => p.heading)).toEqual(['Summary', 'Section: First', 'Section: Second', 'Column: Owner']);
  });
});
