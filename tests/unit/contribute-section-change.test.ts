/**
 * A suggested change to one part of a blueprint: the questions' checks, the parts read from a
 * file, and the change made to it, which must touch only that part's text and leave every other
 * byte of the file as it was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedPageOf, missingChangeAnswers, notAChangeablePage } from '../../src/lib/contribute/change-questions';
import { headingLineIn } from '../../src/lib/content/body-headings';
import { ChangeError, changedSource, sectionsOf } from '../../src/lib/contribute/section-change';
import { keptChangeState, normalisedText } from '../../src/lib/contribute/part-text';
import { parseSource } from '../../src/lib/content/front-matter';

const dir = 'src/content/blueprints';
const bundled = readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort();
const sourceOf = (name: string) => readFileSync(`${dir}/${name}`, 'utf8');

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
  });
});

describe('the page a change is to', () => {
  it('is a blueprint or playbook named by its address, a full link or its file, or a blueprint by its short name alone', () => {
    expect(changedPageOf('/blueprints/ward-rounds/')).toEqual({ kind: 'blueprint', slug: 'ward-rounds' });
    expect(changedPageOf(' https://example.nhs.uk/commons/playbooks/Get-Ready/?x=1 ')).toEqual({ kind: 'playbook', slug: 'get-ready' });
    expect(changedPageOf('src/content/playbooks/get-ready.mdx')).toEqual({ kind: 'playbook', slug: 'get-ready' });
    expect(changedPageOf('Ward-Rounds')).toEqual({ kind: 'blueprint', slug: 'ward-rounds' });
  });

  it('is none for a template, a title or anything else, and says so naming the answer', () => {
    for (const answer of ['/templates/benefits-register/', 'Ward rounds on tablets', '../../etc/passwd', '']) expect(changedPageOf(answer), answer).toBeUndefined();
    expect(notAChangeablePage(` ${'x'.repeat(100)} `)).toBe(`“${'x'.repeat(80)}…” is not a blueprint or playbook on the site: use its address, /blueprints/<short name>/ or /playbooks/<short name>/`);
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
    const after = changedSource(file, 'What we did', '- One step\n- Another\n\n```text\n## not a part: inside a code block\n```', 'We did it in three steps.\r\n\r\n- One\n- Two  ');
    expect(after).toBe(file.replace(/(## What we did\n)[\s\S]*?(\n## Resources)/, '$1\nWe did it in three steps.\n\n- One\n- Two\n$2'));
    const crlf = file.replace(/\n/g, '\r\n');
    const last = changedSource(crlf, 'Resources', '[A link](https://example.org)', 'No links yet.');
    expect(last).toBe(crlf.replace(/\[A link\]\(https:\/\/example\.org\)\r\n$/, 'No links yet.\r\n'));
  });

  it('is refused when the part has changed since the contributor started, is missing or is there twice, or the text would add a part', () => {
    const refusal = (f: () => string) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(ChangeError);
        return (error as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refusal(() => changedSource(file, 'Starting point', 'We had ink.', 'We had nothing.'))).toMatch(/^has had its part “Starting point” changed since you started/);
    expect(refusal(() => changedSource(file, 'Funding', '', 'Money.'))).toMatch(/^has no part headed “Funding” now/);
    expect(refusal(() => changedSource(`${file}\n## Starting point\n\nAgain.\n`, 'Starting point', 'We had paper.', 'x'))).toMatch(/more than one part/);
    expect(refusal(() => changedSource(file, 'Starting point', 'We had paper.', 'Words\n\n## Sneaky'))).toMatch(/would gain a heading on line 3/);
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
        const after = changedSource(source, part.heading, part.text, text);
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
