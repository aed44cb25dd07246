/**
 * Where the build leaves the content history it started reading early (./page-history.ts), for
 * the pages to pick up (src/data/history.ts). A process-wide slot, because the integration and the
 * pages are separate module instances (see ./search-data-slot.ts); no imports but a type, so the
 * pages' bundle takes nothing else of the integration with it.
 */
import type { ContentHistoryResult } from '../node/content-history';

const slot = Symbol.for('blueprint-commons:content-history');
type Slot = { [slot]?: Promise<ContentHistoryResult> };

export function leaveContentHistory(reading: Promise<ContentHistoryResult> | undefined): void {
  (globalThis as Slot)[slot] = reading;
}

export function takeContentHistory(): Promise<ContentHistoryResult> | undefined {
  return (globalThis as Slot)[slot];
}
