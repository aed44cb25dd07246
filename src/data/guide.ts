/** The Astro adapter for the where-to-start guide (src/content/where-to-start.yaml) and the matching data. */
import { getEntry } from 'astro:content';
import { buildMatchData, type MatchData } from '../lib/match';
import type { WhereToStart } from '../lib/schema';
import { getCatalogue } from './catalogue';

export async function getGuide(): Promise<WhereToStart> {
  const entry = await getEntry('guide', 'where-to-start');
  if (!entry) throw new Error('src/content/where-to-start.yaml is missing: the where-to-start guide and /my-trust/ need it');
  return entry.data.guide;
}

let matchData: Promise<MatchData> | undefined;

/** Built once per build, from the catalogue's listed blueprints (newest first), playbooks and organisations. */
export function getMatchData(): Promise<MatchData> {
  matchData ??= getCatalogue().then((c) => buildMatchData(c));
  return matchData;
}
