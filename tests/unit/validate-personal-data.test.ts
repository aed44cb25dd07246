/**
 * Finding personal data in text: NHS numbers by their check digit (the content gate refuses them
 * in any file), and email addresses and phone numbers too in feedback, which is published as a
 * GitHub issue.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactDetailsIn, hasNhsCheckDigit, nhsNumbersIn } from '../../src/lib/validate/personal-data';

/** The check digit worked out here the long way, as the NHS data dictionary describes it, to test the module against. */
function withCheckDigit(nine: string): string | undefined {
  const weights = [10, 9, 8, 7, 6, 5, 4, 3, 2];
  const remainder = weights.reduce((sum, w, i) => sum + w * Number(nine[i]), 0) % 11;
  const check = 11 - remainder;
  if (check === 10) return undefined;
  return nine + String(check === 11 ? 0 : check);
}

const nineDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((d) => d.join(''));
const formats = [(n: string) => n, (n: string) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`, (n: string) => `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`];

describe('NHS numbers', () => {
  it('checks the check digit', () => {
    expect(hasNhsCheckDigit('9434765919')).toBe(true); // the example in NHS documentation
    expect(hasNhsCheckDigit('9434765918')).toBe(false);
    expect(hasNhsCheckDigit('943476591')).toBe(false);
    expect(hasNhsCheckDigit('943476591a')).toBe(false);
  });

  it('finds any valid number outside the test range, however it is written, and nothing with a wrong check digit', () => {
    fc.assert(
      fc.property(nineDigits, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 9 }), (nine, format, wrong) => {
        const number = withCheckDigit(nine);
        const text = (n: string) => `Seen in clinic (${formats[format](n)}), then discharged.`;
        if (number && !number.startsWith('999')) expect(nhsNumbersIn(text(number)).map((f) => f.text)).toEqual([formats[format](number)]);
        if (number && number.startsWith('999')) expect(nhsNumbersIn(text(number))).toEqual([]);
        const check = number ? Number(number[9]) : 0;
        const broken = nine + String((check + wrong) % 10);
        if (!hasNhsCheckDigit(broken)) expect(nhsNumbersIn(text(broken))).toEqual([]);
      }),
    );
  });

  it('leaves numbers that are part of something else', () => {
    expect(nhsNumbersIn('See https://example.org/papers/9434765919 and ?id=9434765919')).toEqual([]);
    expect(nhsNumbersIn('19434765919 and 94347659190 are longer numbers')).toEqual([]);
    expect(nhsNumbersIn('A ratio of 9434765919.5, or ref-9434765919')).toEqual([]);
    expect(nhsNumbersIn('Mixed 943 476-5919 separators')).toEqual([]);
    expect(hasNhsCheckDigit('9990000018')).toBe(true);
    expect(nhsNumbersIn('A test patient, 999 000 0018.')).toEqual([]);
    expect(nhsNumbersIn('Patient 943 476 5919.')).toMatchObject([{ text: '943 476 5919', index: 8 }]);
  });
});

describe('contact details', () => {
  it('finds email addresses and UK phone numbers, and an NHS number once', () => {
    const text = 'Call me on 07700 900123 or +44 (0)20 7946 0958, email jo.bloggs+nhs@example.nhs.net, patient 943 476 5919.';
    expect(contactDetailsIn(text).map((f) => [f.kind, f.text])).toEqual([
      ['phone', '07700 900123'],
      ['phone', '+44 (0)20 7946 0958'],
      ['email', 'jo.bloggs+nhs@example.nhs.net'],
      ['nhs-number', '943 476 5919'],
    ]);
    expect(contactDetailsIn('Ring 0113 496 0000 or 01632960983.').map((f) => f.text)).toEqual(['0113 496 0000', '01632960983']);
  });

  it('leaves dates, years, counts and short numbers', () => {
    expect(contactDetailsIn('From 2019 to 2024, 1,200 staff on 01/02/2024 took 30 minutes; version 0.9.1; 20 000 beds')).toEqual([]);
  });

  it('finds an address at the end of a long run of its characters, and reads a long text in one pass', () => {
    expect(contactDetailsIn(`${'a.'.repeat(50)}jo@example.nhs.net`).map((f) => f.text)).toEqual([`${'a.'.repeat(50)}jo@example.nhs.net`]);
    // Each took minutes while the pattern could start inside a run (20,000 characters took 0.4 s, and it grows with the square);
    // the bound is far above a one-pass reading, so only that blow-up fails it.
    for (const text of ['a'.repeat(200_000), `@${'a.'.repeat(100_000)}`, 'a.+-'.repeat(50_000), `${'x'.repeat(100_000)}@${'b'.repeat(100_000)}`, 'a@'.repeat(100_000)]) {
      const started = performance.now();
      contactDetailsIn(text);
      expect(performance.now() - started, text.slice(0, 12)).toBeLessThan(5_000);
    }
  });
});

describe('the NHS number rule on a file full of numbers', () => {
  it('names the first 20 by line and column in one pass down the file, and counts the rest', async () => {
    const { checkPatientIdentifiers } = await import('../../src/lib/validate/rules/patient-identifiers');
    const { readCorpus } = await import('../../src/lib/validate/corpus');
    const { nativeMdxParser } = await import('../../src/lib/validate/native-parser');
    const source = `---\ntitle: x\n---\n\n${'Number 401 023 2137\n'.repeat(60_000)}`;
    const started = performance.now();
    const problems = checkPatientIdentifiers(readCorpus([{ path: 'src/content/blueprints/numbers.mdx', source }], nativeMdxParser));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(problems).toHaveLength(21);
    expect(problems.slice(0, 20).map((p) => [p.line, p.column])).toEqual(Array.from({ length: 20 }, (_, i) => [5 + i, 8]));
    expect(problems[20]).toMatchObject({ line: 24, message: 'holds 59,980 more numbers that look like NHS numbers after this line: take every one out' });
  });
});
