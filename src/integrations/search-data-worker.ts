/**
 * Worker for src/integrations/search-data.ts: computes every blueprint's related blueprints and
 * "also known as" lines from the entries the content gate checked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { blueprintSearchData } from '../lib/search/build-data';
import { searchCorpus, type SearchEntry } from '../lib/search/from-corpus';

const { docs, authorLists } = searchCorpus({ entries: workerData.entries as SearchEntry[] });
parentPort!.postMessage([...blueprintSearchData(docs, authorLists)]);
