/**
 * npm run search -- "<query>" [--domain workforce] [--setting acute] [--type redprint] [--limit 10]
 * Maintainers' search in the terminal: the blueprints that best match a query, ranked, with the
 * lunr score, slug, title and organisation. Reads the content files (never the built site), so
 * it works before a build. Filters take the taxonomy's values and may be repeated; values within
 * one filter are alternatives, different filters must all match, as on the search page.
 */
import { runCommand } from './lib/cli';
import { readContentFiles } from '../src/node/content-files';
import { readCorpus } from '../src/lib/validate/corpus';
import { searchFilters } from '../src/lib/search/filters';
import { searchCorpus } from '../src/lib/search/from-corpus';
import { buildLunrIndex, searchLunr } from '../src/lib/search/lunr-index';
import { nativeMdxParser } from '../src/lib/validate/native-parser';

const usage = `Usage: npm run search -- "<query>" [--${searchFilters.map((f) => f.name).join(' <value>] [--')} <value>] [--limit 10]`;

const options = {
  limit: { type: 'string', default: '10' },
  ...Object.fromEntries(searchFilters.map((f) => [f.name, { type: 'string' as const, multiple: true }])),
} as const;

await runCommand({ usage, options, allowPositionals: true }, ({ values, positionals }) => {
  // 1. Read the arguments.
  const args = values as Record<string, string | string[] | boolean | undefined>;
  const query = positionals.join(' ').trim();
  const filters = Object.fromEntries(searchFilters.map((f) => [f.name, (args[f.name] as string[] | undefined) ?? []]));
  const unknown = searchFilters.flatMap((f) => filters[f.name].filter((v) => !f.terms.some((t) => t.value === v)).map((v) => `--${f.name} ${v}: use one of ${f.terms.map((t) => t.value).join(', ')}`));
  const limit = Number(args.limit);
  if ((!query && Object.values(filters).every((v) => v.length === 0)) || unknown.length || !(limit > 0)) {
    for (const problem of unknown) console.error(problem);
    if (!(limit > 0)) console.error(`--limit ${args.limit}: give a whole number above 0`);
    console.error(usage);
    return 1;
  }

  // 2. Read the content with the shared schemas; files with problems are left out and counted.
  const corpus = readCorpus(readContentFiles(process.cwd()).files, nativeMdxParser);
  const { docs, synonyms } = searchCorpus(corpus);

  // 3. Index and search.
  const { hits, query: searched } = searchLunr(buildLunrIndex(docs), docs, query, { synonyms, filters, limit });

  // 4. Print a ranked list.
  if (searched !== query) console.log(`Searched for "${searched}" (corrected from "${query}")`);
  const bySlug = new Map(docs.map((d) => [d.slug, d]));
  hits.forEach((hit, i) => {
    const doc = bySlug.get(hit.slug)!;
    console.log(`${String(i + 1).padStart(3)}. ${hit.score.toFixed(2).padStart(6)}  ${hit.slug}\n             ${doc.title} – ${doc.organisation}`);
  });
  console.log(`${hits.length} of ${docs.length} blueprints shown${corpus.problems.length ? `; ${new Set(corpus.problems.map((p) => p.file)).size} file(s) with problems left out (run npm run validate)` : ''}.`);
  return 0;
});
