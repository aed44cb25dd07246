/**
 * Where the content gate leaves the acronym groups the checked content defines ("Full Name
 * (ACRONYM)", src/lib/search/defined-acronyms.ts), found once per build, for the search-data
 * worker and the rendered pages (src/data/search.ts). A process-wide slot, as in
 * ./search-data-slot.ts: the integration and the pages are separate module instances.
 * No imports, so the pages' bundle takes nothing else of the integration with it.
 */
const slot = Symbol.for('blueprint-commons:defined-acronyms');
type Slot = { [slot]?: string[][] };

export function leaveDefinedAcronyms(groups: string[][] | undefined): void {
  (globalThis as Slot)[slot] = groups;
}

/** The groups the content gate found in this run, or undefined when it has not run. */
export function definedAcronyms(): string[][] | undefined {
  return (globalThis as Slot)[slot];
}
