import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/node/content-files';
import { readCorpus } from '../../src/lib/validate/corpus';
import { searchCorpus } from '../../src/lib/search/from-corpus';
import { duplicateThreshold, findSimilar } from '../../src/lib/search/similar';
import type { SearchDocument } from '../../src/lib/search/documents';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';

const { docs } = searchCorpus(readCorpus(readContentFiles(process.cwd()).files, nativeMdxParser));

/** Half of a blueprint under a new title: every other sentence of its body, no key questions. */
function partialCopy(d: SearchDocument): SearchDocument {
  const half = (text: string) => text.split(/(?<=\.)\s+/).filter((_, i) => i % 2 === 0).join(' ');
  return { ...d, slug: `${d.slug}-draft`, title: 'A new title for this draft', questions: '', body: half(d.body) };
}

describe('the duplicate check', () => {
  it('has bundled blueprints to compare against', () => {
    expect(docs.length).toBeGreaterThan(5);
  });

  it('flags a draft that repeats half of a bundled blueprint as a likely duplicate of it, first', () => {
    for (const original of docs) {
      const [top] = findSimilar(partialCopy(original), docs);
      expect(top.slug).toBe(original.slug);
      expect(top.likelyDuplicate, `${original.slug} scored ${top.score.toFixed(2)}`).toBe(true);
    }
  });

  it('does not flag any bundled blueprint as a duplicate of another', () => {
    for (const d of docs) {
      const flagged = findSimilar(d, docs).filter((s) => s.likelyDuplicate);
      expect(flagged.map((s) => `${s.slug} ${s.score.toFixed(2)}`), d.slug).toEqual([]);
    }
  });

  it('flags a draft with a bundled blueprint\u2019s summary as a duplicate of it, whatever its title and write-up say', () => {
    for (const [i, original] of docs.entries()) {
      // Another blueprint's write-up and key questions, under a new title: only the summary is the original's.
      const other = docs[(i + Math.floor(docs.length / 2)) % docs.length];
      const draft = { ...other, slug: 'draft', title: `${original.title}, again`, summary: original.summary };
      const match = findSimilar(draft, docs).find((s) => s.slug === original.slug);
      expect(match, original.slug).toMatchObject({ likelyDuplicate: true, sameSummary: true });
      expect(match!.score, 'the whole-text score alone would not have caught it').toBeLessThan(duplicateThreshold);
      // A few words changed is still the same summary.
      const edited = { ...draft, summary: original.summary.replace(/\bwe\b/i, 'the team').replace(/\.$/, ' last year.') };
      expect(findSimilar(edited, docs).find((s) => s.slug === original.slug)?.sameSummary, original.slug).toBe(true);
    }
  });

  it('never offers the draft itself when the draft is already in the content folder', () => {
    expect(findSimilar(docs[0], docs).map((s) => s.slug)).not.toContain(docs[0].slug);
  });

  it('gives each blueprint a score from 0 to 1, closest first', () => {
    const found = findSimilar(docs[0], docs, { limit: 10 });
    expect(found.map((s) => s.score)).toEqual([...found.map((s) => s.score)].sort((a, b) => b - a));
    for (const s of found) expect(s.score >= 0 && s.score <= 1).toBe(true);
  });

  it('uses a threshold below 1, so a near copy is caught, not only an exact one', () => {
    expect(duplicateThreshold).toBeLessThan(1);
  });
});
