/**
 * What /my-trust/ and /where-to-start/ need to rank guidance in the browser: short fields only
 * in the compact form (src/lib/match/data.ts), generated once per build. The reader's profile never leaves the browser.
 */
import type { APIRoute } from 'astro';
import { getMatchData } from '../data/guide';
import { encodeMatchData } from '../lib/match';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(encodeMatchData(await getMatchData())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
