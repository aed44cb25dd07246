/**
 * npm run similar -- <file.mdx> [--limit 5] [--threshold 0.5] [--check]
 * The existing blueprints closest to a draft, with a similarity from 0 to 1, and a warning on
 * any close enough to be the same work written twice, or with the draft's summary. Run it
 * before writing a new blueprint, or on a pull request; with --check it exits with status 1
 * when it finds a likely duplicate.
 */
import { existsSync, readFileSync } from 'node:fs';
import { runCommand } from './lib/cli';
import { readContentFiles } from '../src/node/content-files';
import { parseSource, slugOf } from '../src/lib/content/front-matter';
import { readCorpus } from '../src/lib/validate/corpus';
import type { Blueprint } from '../src/lib/schema';
import { blueprintDocument } from '../src/lib/search/documents';
import { searchCorpus } from '../src/lib/search/from-corpus';
import { duplicateThreshold, findSimilar } from '../src/lib/search/similar';
import { nativeMdxParser } from '../src/lib/validate/native-parser';
import { formatAnnotation } from '../src/lib/validate/problem';

const usage = 'Usage: npm run similar -- <file.mdx> [--limit 5] [--threshold 0.5] [--check]';

const options = {
  limit: { type: 'string', default: '5' },
  threshold: { type: 'string', default: String(duplicateThreshold) },
  check: { type: 'boolean', default: false },
} as const;

await runCommand({ usage, options, allowPositionals: true }, ({ values, positionals }) => {
  const [file] = positionals;
  const limit = Number(values.limit);
  const threshold = Number(values.threshold);
  if (!file || positionals.length > 1 || !(limit > 0) || !(threshold > 0 && threshold <= 1)) {
    console.error(usage);
    return 1;
  }
  if (!existsSync(file)) {
    console.error(`${file}: no such file. Give the path of a blueprint draft, e.g. drafts/my-blueprint.mdx`);
    return 1;
  }

  // 1. Read the draft. It need not be valid yet: title, summary, questions and body are enough.
  const parsed = parseSource(readFileSync(file, 'utf8'));
  const data = (parsed.data ?? {}) as Partial<Blueprint>;

  // 2. Read the existing blueprints with the shared schemas.
  const { docs, synonyms, organisations } = searchCorpus(readCorpus(readContentFiles(process.cwd()).files, nativeMdxParser));
  const draft = blueprintDocument({ slug: slugOf(file), data }, parsed.body, organisations.get(String(data.organisation)), synonyms);

  // 3. Compare and print, closest first.
  const similar = findSimilar(draft, docs, { limit, threshold });
  const titles = new Map(docs.map((d) => [d.slug, d]));
  console.log(`Closest of ${docs.length} blueprints to ${file}${draft.title ? ` ("${draft.title}")` : ''}:`);
  for (const s of similar) {
    const doc = titles.get(s.slug)!;
    console.log(`  ${s.score.toFixed(2)}  ${s.slug}${s.likelyDuplicate ? `  ← likely duplicate${s.sameSummary ? ' (the same summary)' : ''}` : ''}\n        ${doc.title} – ${doc.organisation}`);
  }
  if (similar.length === 0) console.log('  none share enough words to compare');
  const duplicates = similar.filter((s) => s.likelyDuplicate);
  if (duplicates.length) {
    console.log(`\n${duplicates.length} blueprint${duplicates.length === 1 ? ' is a likely duplicate' : 's are likely duplicates'} (a score at or above ${threshold}, or the same summary): read ${duplicates.length === 1 ? 'it' : 'them'} first. If yours covers the same work, improve the existing blueprint instead, or say in yours what is different.`);
    // On a pull request's checks, a warning on the file for the reviewer.
    if (process.env.CI) {
      const named = duplicates.map((s) => `${titles.get(s.slug)!.title} (/blueprints/${s.slug}/, ${s.sameSummary ? 'the same summary' : `similarity ${s.score.toFixed(2)}`})`).join('; ');
      console.log(formatAnnotation({ file, line: 1, column: 1, field: 'likely duplicate', message: `Reads like ${named}: check it is different work` }, 'warning'));
    }
    if (values.check) return 1;
  }
  return 0;
});
