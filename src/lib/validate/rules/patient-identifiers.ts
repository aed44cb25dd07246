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

export function checkPatientIdentifiers(corpus: Corpus): Problem[] {
  const problems: Problem[] = [];
  for (const entry of corpus.entries) {
    const source = entry.file.source;
    const inSource = nhsNumbersIn(source);
    // Each decoded value, so an escaped digit does not hide a number, named by its field.
    const inValues = stringsIn(entry.parsed.data).flatMap(({ path, text }) => nhsNumbersIn(text).map((found) => ({ path, digits: digitsOf(found.text), text: found.text })));
    for (const found of inSource) {
      const before = source.slice(0, found.index);
      const line = before.split('\n').length;
      const column = found.index - before.lastIndexOf('\n');
      // Named by its field when it is a front-matter value, so a form can show it beside the question.
      const field = inValues.find((v) => v.digits === digitsOf(found.text))?.path.join('.') || 'patient-identifiers';
      problems.push({ file: entry.file.path, line, column, field, message: said(found.text) });
    }
    const seen = new Set(inSource.map((f) => digitsOf(f.text)));
    for (const { path, digits, text } of inValues) {
      if (seen.has(digits)) continue;
      seen.add(digits);
      problems.push({ file: entry.file.path, ...entry.parsed.positionOf(path), field: path.join('.'), message: said(text) });
    }
  }
  return problems;
}
