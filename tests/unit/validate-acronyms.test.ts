/**
 * `npm run validate` warns, without failing, on an acronym in a blueprint or playbook that the
 * glossary does not know.
 */
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/node/content-files';
import { validateContent, type ContentFile } from '../../src/lib/validate';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';

const bundled = readContentFiles(process.cwd()).files;
const valid = bundled.find((f) => f.path.endsWith('.mdx') && f.path.includes('/blueprints/'))!;

/** Warnings for one extra blueprint made from a bundled one, with `body` added to it. */
function warningsFor(body: string, summary?: string) {
  let source = `${valid.source}\n\n${body}\n`;
  if (summary) source = source.replace(/^summary: .*$/m, `summary: ${summary}`);
  const draft: ContentFile = { path: 'drafts/acronym-test.mdx', source, kind: 'blueprint' };
  const { problems, warnings } = validateContent([...bundled, draft], { parser: nativeMdxParser, only: new Set([draft.path]) });
  return { problems, found: warnings.map((w) => w.message.match(/^"([^"]+)"/)![1]) };
}

describe('acronyms the glossary lacks', () => {
  it('warns once for each unknown acronym, in the body and in front-matter, and fails nothing', () => {
    const { problems, found } = warningsFor('The QZX board met the QZX team, and the ZZTOP group.', 'How the WXYZ review went, and what the organisation learned from it in the first year.');
    expect(problems).toEqual([]);
    expect(found.sort()).toEqual(['QZX', 'WXYZ', 'ZZTOP']);
  });

  it('knows the glossary terms, their aliases and plurals, and the synonym groups', () => {
    expect(warningsFor('The EPR, EPRs, GPs, the CCIO and A&E.').found).toEqual([]);
  });

  it('leaves alone single capitals, Roman numerals, words in capitals inside longer words, and code', () => {
    expect(warningsFor('A plan in Phase II and III, a McDonald, and `QZXQ` in code.\n\n```\nQZXR\n```').found).toEqual([]);
  });

  it('knows an acronym the page writes out as "Full Name (ACRONYM)", but not one whose words do not match', () => {
    expect(warningsFor('Patients came from the Quiet Zone Exchange (QZE) unit. The QZE team phoned them.').found).toEqual([]);
    expect(warningsFor('Patients came from the new unit (QZE). The QZE team phoned them.').found).toEqual(['QZE']);
  });

  it('finds digits and ampersands inside acronyms', () => {
    expect(warningsFor('We met DCB9999 and Q&Z.').found.sort()).toEqual(['DCB9999', 'Q&Z']);
  });

  it('finds nothing to warn about in the bundled content', () => {
    expect(validateContent(bundled, { parser: nativeMdxParser }).warnings.map((w) => `${w.file}: ${w.message}`)).toEqual([]);
  });
});
