/**
 * Worker for src/integrations/search-data.ts: computes every blueprint's related blueprints and
 * synonym tokens and the abbreviations it uses, from the entries the content gate checked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { blueprintSearchData } from '../lib/search/build-data';
import { searchCorpus, type SearchEntry } from '../lib/search/from-corpus';

const entries = workerData.entries as SearchEntry[];
// The content gate's acronym groups when it found them; found here from the same entries otherwise.
const defined = workerData.defined as string[][] | undefined;
const { docs, authorLists, glossary } = defined ? searchCorpus({ entries }, defined) : searchCorpus({ entries });
parentPort!.postMessage([...blueprintSearchData(docs, authorLists, glossary)]);
