/**
 * Keeps answers in this browser's localStorage, so a reload or a closed tab loses nothing: the
 * drafting form's draft, and the other forms' answers (./question-form.ts); and which submission
 * to the gateway each became (./gateway-send.ts). Storage can be full, blocked or turned off; the
 * forms then simply work without it.
 */
import { formKeyPattern, wellFormed, type DraftValues } from '../../lib/contribute/answers';
import { submissionId } from './gateway-api';

const key = 'blueprint-commons:contribute-draft:v1';

export const saveDraft = (values: DraftValues) => saveAnswers(key, values);
export const loadDraft = () => loadAnswers(key);
export const clearDraft = () => clearAnswers(key);

/** Keeps a form's answers under `where`. */
export function saveAnswers(where: string, values: DraftValues): void {
  try {
    localStorage.setItem(where, JSON.stringify({ savedAt: new Date().toISOString(), values }));
  } catch {
    // Not saved: private browsing or a full store. The form still works.
  }
}

/** A form's answers kept under `where`, as this site's forms write them; anything else is ignored. */
export function loadAnswers(where: string): DraftValues | undefined {
  try {
    const raw = localStorage.getItem(where);
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

export function clearAnswers(where: string): void {
  try {
    localStorage.removeItem(where);
  } catch {
    // Nothing to clear.
  }
}

/** Where the submission the drafting form's draft became is remembered. */
export const draftSubmissionKey = 'blueprint-commons:gateway-submission:v1';

/** The submission a form's answers became, kept under `where`: the form's key for it, and its id once the gateway gave one (either ignored if not of its shape). */
export function remembered(where: string): { key: string; id?: string } | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(where) ?? 'null') as { key?: unknown; id?: unknown } | null;
    if (saved && typeof saved.key === 'string' && formKeyPattern.test(saved.key)) return { key: saved.key, id: typeof saved.id === 'string' && submissionId.test(saved.id) ? saved.id : undefined };
  } catch {
    // Nothing usable stored.
  }
  return undefined;
}

export function remember(where: string, value: { key: string; id?: string } | undefined): void {
  try {
    if (value) localStorage.setItem(where, JSON.stringify(value));
    else localStorage.removeItem(where);
  } catch {
    // Storage blocked: a retry may then create a second submission, which the gateway still limits.
  }
}
