/**
 * Validating one file against a context read once (what the gateway does for every draft) finds
 * exactly what validating it together with the context's files finds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateContent, type ContentFile } from '../../src/lib/validate';
import { readCorpus } from '../../src/lib/validate/corpus';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';

const fixture = (path: string): ContentFile => ({ path, source: readFileSync(path, 'utf8') });
const contextFiles = [
  ...readdirSync('tests/fixtures/valid/organisations').map((name) => fixture(`tests/fixtures/valid/organisations/${name}`)),
  fixture('tests/fixtures/valid/blueprints/fixture-valid-blueprint.mdx'),
];
const drafts = [
  fixture('tests/fixtures/valid/blueprints/fixture-valid-redprint.mdx'),
  ...readdirSync('tests/fixtures/invalid').filter((name) => name.endsWith('.mdx')).map((name) => fixture(`tests/fixtures/invalid/${name}`)),
];

describe('validating against a context read once', () => {
  const context = readCorpus(contextFiles, nativeMdxParser);

  it('finds the same problems, warnings and data as validating with every file listed', () => {
    expect(drafts.length).toBeGreaterThan(20);
    for (const draft of drafts) {
      const options = { parser: nativeMdxParser, only: new Set([draft.path]) };
      const together = validateContent([...contextFiles, draft], options);
      const withContext = validateContent([draft], { ...options, context });
      expect({ problems: withContext.problems, warnings: withContext.warnings }, draft.path).toEqual({ problems: together.problems, warnings: together.warnings });
      expect(withContext.corpus.entries.at(-1)!.data, draft.path).toEqual(together.corpus.entries.at(-1)!.data);
    }
    // The redprint is valid, so the organisations really were seen.
    expect(validateContent([drafts[0]], { parser: nativeMdxParser, only: new Set([drafts[0].path]), context }).problems).toEqual([]);
  });

  it('reuses the context as it is: its entries are not read again, and are left unchanged', () => {
    const before = structuredClone(context.entries.map((e) => e.data));
    const { corpus } = validateContent([drafts[0]], { parser: nativeMdxParser, context });
    expect(corpus.entries.slice(0, context.entries.length)).toEqual(context.entries);
    corpus.entries.slice(0, context.entries.length).forEach((entry, i) => expect(entry).toBe(context.entries[i]));
    expect(context.entries.map((e) => e.data)).toEqual(before);
    expect(context.entries).toHaveLength(contextFiles.length);
  });

  it('finds a contradicted programme in a context organisation every time, not only the first', () => {
    const contradicted = readCorpus([...contextFiles, fixture('tests/fixtures/invalid/organisations/description-contradicts-programme.yaml')], nativeMdxParser);
    const descriptionProblems = () => validateContent([drafts[0]], { parser: nativeMdxParser, context: contradicted }).problems.filter((p) => p.field === 'description');
    const first = descriptionProblems();
    expect(first).toHaveLength(1);
    expect(descriptionProblems()).toEqual(first);
  });

  it('keeps the problems found in the context itself', () => {
    const broken = readCorpus([fixture('tests/fixtures/invalid/organisations/website-not-https.yaml')], nativeMdxParser);
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(validateContent([drafts[0]], { parser: nativeMdxParser, context: broken }).problems).toEqual(expect.arrayContaining(broken.problems));
  });
});
