/**
 * No NHS number in any content file. Everything here is published, and a patient's number is the
 * one piece of personal data a text check can find with confidence (its check digit). The whole
 * source is searched, front-matter, body, comments and code alike, and then each front-matter
 * string as YAML decodes it, so an escaped digit does not hide one. Examples use the test range.
 */
import { stringsIn, type Corpus } from '../corpus';
import { nhsNumbersIn } from '../personal-data';
import type { Problem } from '../problem';

const fix = 'that looks like an NHS number (its check digit is valid), and nothing on the site may identify a patient: take it out. For an example, use a number from the test range, 999 000 0000 to 999 999 9999';

/**
 * The problem names the number by its first three digits only: problems are printed in public
 * pull-request logs and the issue bot's replies, which must not copy a patient's number again.
 */
const said = (text: string) => `holds a number starting ${text.slice(0, 3)} ${fix}`;

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** At most this many numbers are named one by one in a file; the rest are counted. */
const reported = 20;

export function checkPatientIdentifiers(corpus: Corpus): Problem[] {
  const problems: Problem[] = [];
  for (const entry of corpus.entries) {
    const source = entry.file.source;
    const inSource = nhsNumbersIn(source);
    // Each decoded value, so an escaped digit does not hide a number, named by its field.
    const inValues = stringsIn(entry.parsed.data).flatMap(({ path, text }) => nhsNumbersIn(text).map((found) => ({ path, digits: digitsOf(found.text), text: found.text })));
    // Lines counted in one pass down the file, however many numbers it holds.
    let line = 1;
    let lineStart = 0;
    let counted = 0;
    for (const found of inSource.slice(0, reported)) {
      for (let at = source.indexOf('\n', counted); at >= 0 && at < found.index; at = source.indexOf('\n', at + 1)) {
        line++;
        lineStart = at + 1;
      }
      counted = found.index;
      // Named by its field when it is a front-matter value, so a form can show it beside the question.
      const field = inValues.find((v) => v.digits === digitsOf(found.text))?.path.join('.') || 'patient-identifiers';
      problems.push({ file: entry.file.path, line, column: found.index - lineStart + 1, field, message: said(found.text) });
    }
    if (inSource.length > reported) {
      problems.push({ file: entry.file.path, line, column: 1, field: 'patient-identifiers', message: `holds ${(inSource.length - reported).toLocaleString('en-GB')} more numbers that look like NHS numbers after this line: take every one out` });
    }
    const seen = new Set(inSource.map((f) => digitsOf(f.text)));
    const hidden = inValues.filter(({ digits }) => !seen.has(digits) && seen.add(digits));
    for (const { path, text } of hidden.slice(0, reported)) {
      problems.push({ file: entry.file.path, ...entry.parsed.positionOf(path), field: path.join('.'), message: said(text) });
    }
    if (hidden.length > reported) {
      problems.push({ file: entry.file.path, line: 1, column: 1, field: 'patient-identifiers', message: `holds ${(hidden.length - reported).toLocaleString('en-GB')} more numbers in its fields that look like NHS numbers: take every one out` });
    }
  }
  return problems;
}
