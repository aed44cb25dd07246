import { describe, expect, it } from 'vitest';
import { bodyOf, countWords, generateCorpus } from '../../scripts/bench/generate';
import { validateContent, type ContentFile } from '../../src/lib/validate';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';

const asContentFiles = (corpus: ReturnType<typeof generateCorpus>): ContentFile[] =>
  [...corpus.organisations, ...corpus.blueprints].map((f) => ({ path: `bench-content/${f.path}`, source: f.source }));

describe('the benchmark content generator', () => {
  const corpus = generateCorpus(50);

  it('writes 50 blueprints that pass the real validator with no problems', () => {
    const { problems } = validateContent(asContentFiles(corpus), { parser: nativeMdxParser });
    expect(problems).toEqual([]);
  });

  it('writes the same files for the same number of blueprints', () => {
    expect(generateCorpus(50)).toEqual(corpus);
  });

  it('writes different files for a different seed', () => {
    expect(generateCorpus(50, 1).blueprints[0].source).not.toEqual(corpus.blueprints[0].source);
  });

  it('gives every blueprint its own file name', () => {
    expect(new Set(corpus.blueprints.map((b) => b.path)).size).toBe(50);
  });

  it('writes bodies of 600 to 900 words', () => {
    const counts = corpus.blueprints.map((b) => countWords(bodyOf(b.source)));
    expect(counts.filter((n) => n < 600 || n > 900)).toEqual([]);
  });

  it('uses every standard section, a table, a list and a Callout in each body', () => {
    for (const { source } of corpus.blueprints) {
      expect(source).toMatch(/^## Starting point$/m);
      expect(source).toMatch(/^## Resources$/m);
      expect(source).toMatch(/^\| --- \|/m);
      expect(source).toMatch(/^- /m);
      expect(source).toMatch(/<Callout>[^<]+<\/Callout>/);
    }
  });

  it('files blueprints under every domain', () => {
    const domains = new Set(corpus.blueprints.map((b) => /^domain: (.+)$/m.exec(b.source)?.[1]));
    expect(domains).toEqual(new Set(['strategy', 'workforce', 'clinical-leadership', 'technical-build']));
  });
});
