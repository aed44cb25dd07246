/**
 * What /my-trust/ and /where-to-start/ need to rank guidance in the browser: short fields only
 * (src/lib/match/data.ts), generated once per build. The reader's profile never leaves the browser.
 */
import type { APIRoute } from 'astro';
import { getMatchData } from '../data/guide';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await getMatchData()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
