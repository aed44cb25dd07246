/**
 * Personal data that must never be published: what the content gate (./rules/patient-identifiers.ts)
 * and the feedback form (../contribute/feedback-questions.ts) look for in text before it goes into
 * Git or a public GitHub issue. The declarations the forms ask for ("no patient information") are
 * the real safeguard, with a maintainer's review; these checks catch the slip of pasting a real
 * patient's number or one's own phone number, not a deliberate disguise.
 *
 * NHS numbers are ten digits, usually written 3 3 4, the last a modulus 11 check digit. The range
 * 999 000 0000 to 999 999 9999 is valid by the check digit but never issued, for tests and
 * examples (https://en.wikipedia.org/wiki/NHS_number). Scotland's CHI numbers and Northern
 * Ireland's Health and Care numbers are ten digits with the same check digit, so they are caught too.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */

export type PersonalDataKind = 'nhs-number' | 'email' | 'phone';

export interface PersonalData {
  kind: PersonalDataKind;
  /** The text as written, e.g. "401 023 2137". */
  text: string;
  /** Where it starts in the text searched. */
  index: number;
}

/**
 * Ten digits alone, or 3 3 4 with the same space or hyphen between each group. Not part of a
 * longer number, a word, a decimal or a web address (a digit, letter, "/", "=", "&", "?" or "#" on
 * either side), so a document's id in a link is not taken for a patient's.
 */
const tenDigits = /(?<![\w/=&?#.+-])(\d{3})([ \u00a0-]?)(\d{3})\2(\d{4})(?![\w/=&?#]|[.,]\d)/g;

/** UK telephone numbers: 0 or +44, then nine or ten more digits, with single spaces or hyphens between. */
const phone = /(?<![\w/=&?#.+])(?:\+44[ \u00a0]?(?:\(0\)[ \u00a0]?)?|\(?0)(?:\d\)?[ \u00a0-]?){8,9}\d(?![\w/=&?#]|[.,]\d)/g;

/**
 * An address starts where a run of the characters it may hold starts: tried from inside a long run
 * with no "@", the pattern would scan the rest of the run from every character, a time that grows
 * with the square of the text's length.
 */
const email = /(?<![\w.+-])[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

/** The modulus 11 check: each of the first nine digits weighted 10 down to 2; 11 − the remainder is the tenth (11 counts as 0; 10 is never valid). */
export function hasNhsCheckDigit(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[9]);
}

/** A number kept for tests and examples, never issued to a patient. */
export function isTestNhsNumber(digits: string): boolean {
  return digits.startsWith('999');
}

/** Ten-digit numbers in `text` that pass the NHS number check and are not in the test range. */
export function nhsNumbersIn(text: string): PersonalData[] {
  if (!/\d{3}/.test(text)) return [];
  const found: PersonalData[] = [];
  for (const match of text.matchAll(tenDigits)) {
    const digits = match[1] + match[3] + match[4];
    if (hasNhsCheckDigit(digits) && !isTestNhsNumber(digits)) found.push({ kind: 'nhs-number', text: match[0], index: match.index });
  }
  return found;
}

/**
 * NHS numbers, email addresses and UK telephone numbers in `text`: what a public GitHub issue
 * must not carry. A phone number that is also a valid NHS number is reported once, as the number.
 */
export function contactDetailsIn(text: string): PersonalData[] {
  const numbers = nhsNumbersIn(text);
  const overlaps = (index: number, length: number) => numbers.some((n) => index < n.index + n.text.length && n.index < index + length);
  const phones = [...text.matchAll(phone)]
    .filter((m) => !overlaps(m.index, m[0].length))
    .map((m): PersonalData => ({ kind: 'phone', text: m[0], index: m.index }));
  const emails = !text.includes('@') ? [] : [...text.matchAll(email)].map((m): PersonalData => ({ kind: 'email', text: m[0], index: m.index }));
  return [...numbers, ...phones, ...emails].sort((a, b) => a.index - b.index);
}

/** How each kind is named to the person who wrote it. */
export const personalDataNames: Record<PersonalDataKind, string> = {
  'nhs-number': 'an NHS number',
  email: 'an email address',
  phone: 'a phone number',
};
