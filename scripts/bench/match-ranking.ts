/**
 * The matching data's two budgets, measured on a /match-data.json as the build writes it: its
 * gzipped size, and how long ranking every entry for a trust's profile takes (the median of
 * `runs` rankings over four profiles, in Node; a phone may be several times slower). Used by the
 * build benchmark (scripts/bench.ts) on the built site and by scripts/bench/match-data.ts.
 */
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { decodeMatchData, rankEntries, type CompactMatchData, type TrustProfile } from '../../src/lib/match';

/** At 3,000 blueprints. */
export const matchTargets = { size: 3000, gzipBytes: 60 * 1024, rankMs: 50 };

/** The four kinds of trust the issue names: small community, acute on one supplier, mental health, an ICB. */
export const benchProfiles: TrustProfile[] = [
  { setting: 'community', supplier: 'none', epr: 'no', maturity: 'early', funding: 'own-revenue' },
  { setting: 'acute', supplier: 'oracle-health', epr: 'yes', maturity: 'developing', programme: 'fast-follower' },
  { setting: 'mental-health', supplier: 'tpp', epr: 'yes', maturity: 'developing', region: 'south-west' },
  { setting: 'icb-system', supplier: 'none', region: 'north-east-yorkshire' },
];

export interface MatchMeasurement {
  entries: number;
  bytes: number;
  gzipBytes: number;
  /** Median and slowest ranking, in milliseconds. */
  rankMs: number;
  slowestMs: number;
}

export function measureMatchData(json: string, runs = 30): MatchMeasurement {
  const data = decodeMatchData(JSON.parse(json) as CompactMatchData);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    rankEntries(benchProfiles[i % benchProfiles.length], data.entries);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { entries: data.entries.length, bytes: Buffer.byteLength(json), gzipBytes: gzipSync(json).length, rankMs: times[Math.floor(times.length / 2)], slowestMs: times.at(-1)! };
}
