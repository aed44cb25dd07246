/**
 * <change-form>: the change page (src/pages/suggest-a-change.astro), a question form
 * (./question-form.ts) sent through the gateway only. The page address fills in the blueprint
 * (?blueprint=<its slug>&title=<its title>, as "Suggest a change" gives it). The gateway lists the
 * blueprint's parts; choosing one puts its text in the box to change. What the contributor types
 * is kept in this browser, per blueprint and part, so a reload or a failed send loses nothing.
 */
import { blueprintAnswer } from '../../lib/contribute/adoption-questions';
import { changePageQuestions, missingChangeAnswers } from '../../lib/contribute/change-questions';
import type { BodySection } from '../../lib/contribute/section-change';
import { showFieldError } from './errors';
import { defineQuestionForm, sentToSiteTeam } from './question-form';

const keptKey = (slug: string, heading: string) => `blueprint-commons:change-draft:v1:${slug}:${heading}`;

function kept(slug: string, heading: string): string | undefined {
  try {
    return localStorage.getItem(keptKey(slug, heading)) ?? undefined;
  } catch {
    return undefined; // Storage can be switched off: the change is then kept only while the page is open.
  }
}

function keep(slug: string, heading: string, text: string | undefined): void {
  try {
    if (text === undefined) localStorage.removeItem(keptKey(slug, heading));
    else localStorage.setItem(keptKey(slug, heading), text);
  } catch {
    // As above.
  }
}

/** Loads the blueprint's parts into the list, and each chosen part's text (or the change kept for it) into the box. */
function startChangeForm(form: HTMLFormElement, root: HTMLElement, query: URLSearchParams): void {
  const gateway = root.querySelector<HTMLElement>('gateway-send')?.dataset.url;
  const blueprint = form.querySelector<HTMLInputElement>('[name="blueprint"]')!;
  const select = form.querySelector<HTMLSelectElement>('[name="section"]')!;
  const box = form.querySelector<HTMLTextAreaElement>('[name="text"]')!;
  const status = root.querySelector<HTMLElement>('[data-parts-status]')!;
  let parts: BodySection[] = [];
  let slug = '';
  let loading = 0;

  const say = (text: string) => {
    status.textContent = text;
    status.hidden = text === '';
  };
  const original = () => parts.find((p) => p.heading === select.value)?.text;
  const show = () => {
    box.value = kept(slug, select.value) ?? original() ?? '';
    box.rows = Math.min(30, Math.max(6, box.value.split('\n').length + 2));
  };

  const load = async (wanted: string | null) => {
    slug = blueprintAnswer(blueprint.value);
    const run = ++loading;
    select.replaceChildren(new Option('Choose a part', ''));
    box.value = '';
    parts = [];
    if (!slug || !gateway) return;
    say('Loading the blueprint’s parts…');
    try {
      const response = await fetch(`${gateway.replace(/\/$/, '')}/api/blueprints/${encodeURIComponent(slug)}/parts`);
      if (run !== loading) return;
      if (response.status === 404) {
        say('');
        showFieldError(form, 'blueprint', 'There is no blueprint with that short name on the site: use the one from its page address, /blueprints/<short name>/');
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      parts = ((await response.json()) as { sections: BodySection[] }).sections;
      if (run !== loading) return;
      showFieldError(form, 'blueprint', undefined);
      select.append(...parts.map((p) => new Option(p.heading, p.heading)));
      if (wanted && parts.some((p) => p.heading === wanted)) select.value = wanted;
      show();
      say(`${parts.length} parts: choose the one to change, and its text appears below.`);
    } catch {
      if (run === loading) say('The blueprint’s parts could not be loaded just now. Check your connection, then choose “Load its parts” again.');
    }
  };

  select.addEventListener('change', show);
  box.addEventListener('input', () => {
    if (!select.value) return;
    // Only a change is kept: the part's own text needs no keeping.
    keep(slug, select.value, box.value === original() ? undefined : box.value);
  });
  blueprint.addEventListener('change', () => void load(null));
  root.querySelector<HTMLButtonElement>('[data-load-parts]')!.addEventListener('click', () => void load(select.value || query.get('section')));
  root.querySelector<HTMLElement>('[data-load-parts]')!.hidden = false;
  void load(query.get('section'));
}

defineQuestionForm('change-form', {
  questions: changePageQuestions,
  missing: missingChangeAnswers,
  fromAddress: ['blueprint'],
  titleLine: (title) => `You are suggesting a change to “${title}”.`,
  start: startChangeForm,
  sentText: sentToSiteTeam,
});
