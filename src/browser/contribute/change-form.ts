/**
 * <change-form>: the change page (src/pages/suggest-a-change.astro), a question form
 * (./question-form.ts) sent through the gateway only. The page address fills in the page to change
 * (?page=/blueprints/<its slug>/&title=<its title>, as "Suggest a change" gives it, or a playbook's or template's).
 * The gateway lists the page's parts; choosing one puts its text in the box to change, and out of
 * sight the text it started from, so the gateway can refuse to overwrite a change made since. What
 * the contributor types is kept in this browser, per page and part, so a reload or a failed send
 * loses nothing.
 */
import { changedPageOf, changePageQuestions, missingChangeAnswers, notAChangeablePage, type ChangeablePageKind } from '../../lib/contribute/change-questions';
import { keptChangeState, partShape, type PartShape } from '../../lib/contribute/part-text';
import type { BodySection } from '../../lib/contribute/section-change';
import { showFieldError } from './errors';
import { gatewayNotAnswering, requestTimeoutMs } from './gateway-api';
import { defineQuestionForm, sentToSiteTeam } from './question-form';

/** Where a change is kept: by page (a blueprint's slug, or "playbook:" and a playbook's, "template:" and a template's) and part. */
const keptKey = (page: string, heading: string) => `blueprint-commons:change-draft:v1:${page}:${heading}`;

/** A change begun in this browser: the part's text it started from, and the text as changed so far. */
interface Kept {
  original: string;
  text: string;
}

function kept(page: string, heading: string): Kept | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(keptKey(page, heading)) ?? 'null') as Partial<Kept> | null;
    return typeof saved?.original === 'string' && typeof saved.text === 'string' ? { original: saved.original, text: saved.text } : undefined;
  } catch {
    return undefined; // Storage can be switched off (the change is then kept only while the page is open), or hold something else.
  }
}

function keep(page: string, heading: string, change: Kept | undefined): void {
  try {
    if (change === undefined) localStorage.removeItem(keptKey(page, heading));
    else localStorage.setItem(keptKey(page, heading), JSON.stringify(change));
  } catch {
    // As above.
  }
}

/** Said under the box instead of the part's hint when the part is plain text (a playbook step, a template's texts). */
const shapeHints: Partial<Record<PartShape, string>> = {
  paragraph: 'This part is one paragraph, without line breaks.',
  paragraphs: 'This part is one to four paragraphs, with a blank line between them and no line break inside one.',
};

/** Loads the page's parts into the list, and each chosen part's text (or the change kept for it) into the box. */
function startChangeForm(form: HTMLFormElement, root: HTMLElement, query: URLSearchParams): void {
  const gateway = root.querySelector<HTMLElement>('gateway-send')?.dataset.url;
  const pageField = form.querySelector<HTMLInputElement>('[name="page"]')!;
  const select = form.querySelector<HTMLSelectElement>('[name="section"]')!;
  const box = form.querySelector<HTMLTextAreaElement>('[name="text"]')!;
  const startedFrom = form.querySelector<HTMLTextAreaElement>('[name="original"]')!;
  const reset = root.querySelector<HTMLButtonElement>('[data-reset-part]')!;
  const status = root.querySelector<HTMLElement>('[data-parts-status]')!;
  const textHint = form.querySelector<HTMLElement>('#draft-text-hint');
  const partHint = textHint?.textContent ?? '';
  let parts: BodySection[] = [];
  /** The page's key in this browser's storage (keptKey). */
  let stored = '';
  let kind: ChangeablePageKind = 'blueprint';
  let loading = 0;

  const say = (text: string) => {
    status.textContent = text;
    status.hidden = text === '';
  };
  const current = () => parts.find((p) => p.heading === select.value)?.text;
  /**
   * The chosen part: the change begun on it in this browser, if any, or its text as the gateway has
   * it. A kept change the part already reads as (merged since) is forgotten; one begun on text that
   * has changed since is shown with a warning, as the gateway would refuse it.
   */
  const show = () => {
    let change = kept(stored, select.value);
    const now = current();
    const state = change && now !== undefined ? keptChangeState(change, now) : 'open';
    if (state === 'landed') {
      keep(stored, select.value, undefined);
      change = undefined;
    }
    const note = state === 'landed'
      ? 'The change you began on this part in this browser is on the site now, so it has been cleared: the box shows the part as it reads today.'
      : state === 'overtaken'
        ? 'This part has been changed on the site since you began your change in this browser, so your change cannot be sent as it is. Your text is below: copy what you need, choose “Start again from the part as it is now”, and make your change to the new text.'
        : `${parts.length} parts: choose the one to change, and its text appears below.`;
    if (status.textContent !== note) say(note); // The same words again would be announced again.
    startedFrom.value = change?.original ?? now ?? '';
    box.value = change?.text ?? now ?? '';
    box.rows = Math.min(30, Math.max(6, box.value.split('\n').length + 2));
    reset.hidden = !select.value;
    if (textHint) textHint.textContent = (select.value && shapeHints[partShape(kind, select.value)]) || partHint;
  };

  const load = async (wanted: string | null) => {
    const page = changedPageOf(pageField.value);
    stored = !page ? '' : page.kind === 'blueprint' ? page.slug : `${page.kind}:${page.slug}`;
    kind = page?.kind ?? 'blueprint';
    const run = ++loading;
    select.replaceChildren(new Option('Choose a part', ''));
    box.value = '';
    startedFrom.value = '';
    reset.hidden = true;
    parts = [];
    if (!page && pageField.value.trim()) showFieldError(form, 'page', notAChangeablePage(pageField.value));
    if (!page || !gateway) return;
    say('Loading the page’s parts…');
    try {
      // A sending service that never answers would leave “Loading…” for good.
      const response = await fetch(`${gateway.replace(/\/$/, '')}/api/${page.kind}s/${encodeURIComponent(page.slug)}/parts`, { signal: AbortSignal.timeout(requestTimeoutMs) });
      if (run !== loading) return;
      if (response.status === 404) {
        say('');
        const answer = (await response.json().catch(() => ({}))) as { errors?: { message?: string }[] };
        showFieldError(form, 'page', answer.errors?.[0]?.message ?? `There is no ${page.kind} at that address on the site`);
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      // Only parts in the shape the gateway makes them: anything else is a failed load.
      const sections = ((await response.json()) as { sections?: unknown } | null)?.sections;
      if (!Array.isArray(sections)) throw new Error('no parts');
      parts = sections.filter((p): p is BodySection => typeof p?.heading === 'string' && typeof p?.text === 'string');
      if (run !== loading) return;
      showFieldError(form, 'page', undefined);
      select.append(...parts.map((p) => new Option(p.heading, p.heading)));
      if (wanted && parts.some((p) => p.heading === wanted)) select.value = wanted;
      show();
    } catch {
      if (run === loading) say(`The page’s parts could not be loaded. ${gatewayNotAnswering}: choose “Load its parts” again in a few minutes.`);
    }
  };

  select.addEventListener('change', show);
  box.addEventListener('input', () => {
    if (!select.value) return;
    // Only a change is kept: the part's own text needs no keeping.
    keep(stored, select.value, box.value === startedFrom.value ? undefined : { original: startedFrom.value, text: box.value });
  });
  reset.addEventListener('click', () => {
    keep(stored, select.value, undefined);
    show();
    box.focus();
  });
  pageField.addEventListener('change', () => void load(null));
  root.querySelector<HTMLButtonElement>('[data-load-parts]')!.addEventListener('click', () => void load(select.value || query.get('section')));
  root.querySelector<HTMLElement>('[data-load-parts]')!.hidden = false;
  void load(query.get('section'));
}

defineQuestionForm('change-form', {
  questions: changePageQuestions,
  missing: missingChangeAnswers,
  fromAddress: ['page'],
  keptByPage: ['section', 'text', 'original'],
  titleLine: (title) => `You are suggesting a change to “${title}”.`,
  start: startChangeForm,
  sentText: sentToSiteTeam,
});
