/**
 * Worker for src/integrations/search-data.ts: reads the content folder (already checked by the
 * content gate) and computes every blueprint's related blueprints and "also known as" lines.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readContentFiles } from '../../scripts/lib/content-files';
import type { Blueprint } from '../lib/schema';
import { blueprintSearchData } from '../lib/search/build-data';
import { searchCorpus } from '../lib/search/from-corpus';
import { readCorpus } from '../lib/validate/corpus';

const corpus = readCorpus(readContentFiles(workerData.root as string));
const { docs } = searchCorpus(corpus);
const authorLists = new Map(
  corpus.entries.filter((e) => e.kind === 'blueprint' && e.data !== undefined).map((e) => [e.slug, (e.data as Blueprint).related]),
);
parentPort!.postMessage([...blueprintSearchData(docs, authorLists)]);
