/**
 * Worker for src/integrations/search-data.ts: reads the content folder (already checked by the
 * content gate) and computes every blueprint's related blueprints and "also known as" lines.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readContentFiles } from '../../scripts/lib/content-files';
import { blueprintSearchData } from '../lib/search/build-data';
import { searchCorpus } from '../lib/search/from-corpus';
import { readCorpus } from '../lib/validate/corpus';

const { docs, authorLists } = searchCorpus(readCorpus(readContentFiles(workerData.root as string)));
parentPort!.postMessage([...blueprintSearchData(docs, authorLists)]);
