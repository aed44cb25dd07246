/**
 * The matching data's budget: `npx tsx scripts/bench/match-data.ts [--blueprints 3000] [--runs 30]`.
 *
 * 1. Generates N synthetic blueprints and their organisations (generate.ts, seeded), beside the bundled content.
 * 2. Reads them with the content schemas, as the build does, and builds /match-data.json from them.
 * 3. Reports its size, raw and gzipped (and that of /blueprint-titles.json, which has no budget), and how long ranking every entry for a profile takes
 *    (the median of several runs, over four profiles), with PASS/FAIL against the targets:
 *    at most 60 KiB gzipped and under 50 ms at 3,000 blueprints.
 * It prints numbers; it is a benchmark, not a test.
 */
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blueprintTitle, buildMatchData, encodeMatchData } from '../../src/lib/match';
import type { Blueprint, Organisation, Playbook } from '../../src/lib/schema';
import { paths } from '../../src/lib/content/urls';
import { readCorpus } from '../../src/lib/validate/corpus';
import { remarkMdxParser } from '../../src/lib/validate/remark-parser';
import { readContentFiles } from '../../src/node/content-files';
import { generateCorpus } from './generate';
import { matchTargets as targets, measureMatchData } from './match-ranking';

const { values } = parseArgs({ options: { blueprints: { type: 'string', default: '3000' }, runs: { type: 'string', default: '30' } } });
const count = Number(values.blueprints);
const runs = Number(values.runs);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('Usage: npx tsx scripts/bench/match-data.ts [--blueprints N] [--runs N]: whole numbers of 1 or more');
  process.exit(2);
}

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const synthetic = generateCorpus(count);
const files = [
  ...readContentFiles(repo).files,
  ...[...synthetic.organisations, ...synthetic.blueprints].map((f) => ({ path: `src/content/${f.path}`, source: f.source })),
];
const corpus = readCorpus(files, remarkMdxParser);
const of = <T>(kind: string) => corpus.entries.filter((e) => e.kind === kind && e.data).map((e) => ({ slug: e.slug, data: e.data as T }));
const blueprints = of<Blueprint>('blueprint').filter((b) => b.data.status === 'published' || b.data.status === 'needs-review');

const json = JSON.stringify(encodeMatchData(buildMatchData({ blueprints, playbooks: of<Playbook>('playbook'), organisations: of<Organisation>('organisation') })));
const gzipped = gzipSync(json).length;

const measured = measureMatchData(json, runs);
// /blueprint-titles.json, fetched by the trust pages once there is something to show (its shape is BlueprintTitles).
const orgs = new Map(of<Organisation>('organisation').map((o) => [o.slug, o.data]));
const titles = JSON.stringify(Object.fromEntries(blueprints.map((b) => [b.slug, blueprintTitle(b.data, orgs.get(b.data.organisation), paths.blueprint(b.slug))])));

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`| blueprints | entries | match-data.json | gzipped | rank, median of ${runs} | rank, slowest |`);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(`| ${blueprints.length} | ${measured.entries} | ${kib(measured.bytes)} | ${kib(measured.gzipBytes)} | ${measured.rankMs.toFixed(2)} ms | ${measured.slowestMs.toFixed(2)} ms |`);
console.log(`/blueprint-titles.json (no budget; fetched after the reader gives a profile or answers): ${kib(titles.length)}, ${kib(gzipSync(titles).length)} gzipped`);
console.log(`${measured.gzipBytes <= targets.gzipBytes ? 'PASS' : 'FAIL'} match data at most ${kib(targets.gzipBytes)} gzipped (${kib(measured.gzipBytes)})`);
console.log(`${measured.rankMs < targets.rankMs ? 'PASS' : 'FAIL'} ranking under ${targets.rankMs} ms (median ${measured.rankMs.toFixed(2)} ms, in Node; a phone may be several times slower)`);
