/**
 * The glossary page's sections: its terms under their first letter, A to Z, with terms that start
 * with a digit first under "0–9". Every letter is returned, with or without terms, so the page's
 * A to Z can show a letter that has none as plain text rather than leave a gap.
 */
export interface LetterSection<T> {
  /** "0–9", or "A" to "Z". */
  letter: string;
  /** The section heading's id, e.g. "letter-a", "letter-0-9". */
  id: string;
  terms: T[];
}

const digits = '0–9';
const letters = [digits, ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/**
 * The section a term belongs in: its first letter or digit, without accents, upper case ("dm+d"
 * under D, "Évaluation" under E, "10 Year Health Plan" under 0–9). The schema gives every term one.
 */
export function letterOf(term: string): string {
  const first = term.normalize('NFD').match(/[A-Za-z0-9]/)?.[0] ?? '';
  return /\d/.test(first) ? digits : first.toUpperCase();
}

/** Terms by letter, keeping their order within each letter. */
export function byLetter<T>(terms: readonly T[], termOf: (t: T) => string): LetterSection<T>[] {
  return letters.map((letter) => ({
    letter,
    id: `letter-${letter === digits ? '0-9' : letter.toLowerCase()}`,
    terms: terms.filter((t) => letterOf(termOf(t)) === letter),
  }));
}
