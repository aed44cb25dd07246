/**
 * Keeps the draft in this browser's localStorage, so a reload or a closed tab loses nothing.
 * Storage can be full, blocked or turned off; the form then simply works without it.
 */
import { wellFormed, type DraftValues } from '../../lib/contribute/answers';

const key = 'blueprint-commons:contribute-draft:v1';

export function saveDraft(values: DraftValues): void {
  try {
    localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), values }));
  } catch {
    // Not saved: private browsing or a full store. The form still works.
  }
}

export function loadDraft(): DraftValues | undefined {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { values?: unknown };
    const values = parsed.values;
    if (!values || typeof values !== 'object' || Array.isArray(values)) return undefined;
    // Only strings and lists of strings: anything else was not written by this form.
    const clean: DraftValues = {};
    for (const [id, value] of Object.entries(values as Record<string, unknown>)) {
      // Text a web address can carry: a half surrogate pair alone would stop the draft being sent.
      if (typeof value === 'string') clean[id] = wellFormed(value);
      else if (Array.isArray(value)) clean[id] = value.filter((v): v is string => typeof v === 'string').map(wellFormed);
    }
    return clean;
  } catch {
    return undefined;
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}
