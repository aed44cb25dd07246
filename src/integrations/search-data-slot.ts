/**
 * Where the build leaves the search data it started computing early (./search-data.ts), for the
 * rendered pages to pick up (src/data/search.ts). A process-wide slot, because the integration and
 * the pages are separate module instances: Astro loads the config with its own loader and bundles
 * the pages with Vite. A module of its own with no imports, so the pages' bundle takes nothing else
 * of the integration with it.
 */
import type { BlueprintSearchData } from '../lib/search/build-data';

const slot = Symbol.for('blueprint-commons:blueprint-search-data');
type Slot = { [slot]?: Promise<Map<string, BlueprintSearchData>> };

export function leaveSearchData(data: Promise<Map<string, BlueprintSearchData>> | undefined): void {
  (globalThis as Slot)[slot] = data;
}

export function takeSearchData(): Promise<Map<string, BlueprintSearchData>> | undefined {
  return (globalThis as Slot)[slot];
}
