/**
 * <draft-form>: drafts a blueprint in the browser. Progressive enhancement over the markup in
 * src/components/contribute/DraftForm.astro: without this script the page explains the other
 * ways to contribute; with it the form appears, keeps the draft in this browser, checks it with
 * the site's own blueprint schema and MDX safety gate, and hands it off to GitHub.
 */
import { draftToMdx, hasAnswers, type DraftOptions, type DraftValues } from '../../lib/contribute/draft';
import { mergeErrors, sectionErrors, validateDraft, type FieldError } from '../../lib/contribute/draft-check';
import { handOff } from '../../lib/contribute/hand-off';
import { localIsoDate } from '../../lib/contribute/local-date';
import { organisationNotListed } from '../../lib/contribute/questions';
import { fieldIdOf, readValues, writeValues } from './form-values';
import { goToField, showFieldError, showSummary } from './errors';
import { showResult } from './result';
import { safetyProblems } from './safety';
import { findSimilar } from './similar';
import { clearDraft, loadDraft, saveDraft } from './storage';

class DraftForm extends HTMLElement {
  private form!: HTMLFormElement;
  private result!: HTMLElement;
  /** After the first "Check my draft", fields are checked again as the author leaves them. */
  private submitted = false;
  /** Guards against an older, slower check overwriting a newer one. */
  private checks = 0;
  private shownErrors = new Set<string>();
  private readonly pageTitle = document.title;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const result = this.querySelector<HTMLElement>('[data-result]');
    if (!form || !result) return;
    this.form = form;
    this.result = result;

    const saved = loadDraft();
    if (saved) writeValues(form, saved);
    if (saved && hasAnswers(saved)) this.querySelector<HTMLElement>('[data-restored]')!.hidden = false;
    this.showOrganisationName();
    this.querySelector('[data-no-js]')?.remove();
    form.hidden = false;
    if (saved?.title) void this.lookForSimilar();

    form.addEventListener('input', () => this.changed());
    form.addEventListener('change', (event) => {
      this.changed();
      const id = fieldIdOf(event.target as Element);
      if (id === 'organisation') this.showOrganisationName();
      if (id === 'title' || id === 'summary') void this.lookForSimilar();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submitted = true;
      void this.check('submit');
    });
    form.addEventListener('focusout', (event) => {
      const id = fieldIdOf(event.target as Element);
      // Moving between the options of one question is not leaving it.
      if (!this.submitted || !id || fieldIdOf(event.relatedTarget as Element | null) === id) return;
      void this.check('blur', id);
    });
    form.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('[data-error-list] a[data-target]');
      if (!link) return;
      event.preventDefault();
      goToField(form, link.dataset.target!);
    });
    this.querySelector('[data-clear]')?.addEventListener('click', () => this.clear());
  }

  private options(): DraftOptions {
    let illustrativeOrganisations: string[] = [];
    try {
      illustrativeOrganisations = JSON.parse(this.dataset.illustrative ?? '[]') as string[];
    } catch {
      // A page without the list: no organisation counts as made up.
    }
    return { today: localIsoDate(new Date()), illustrativeOrganisations };
  }

  private values(): DraftValues {
    return readValues(this.form);
  }

  private changed(): void {
    saveDraft(this.values());
    // The links and file below describe the draft as it was checked; hide them once it changes.
    this.result.hidden = true;
  }

  private showOrganisationName(): void {
    const group = this.querySelector<HTMLElement>('[data-field="organisation-name"]');
    const select = this.querySelector<HTMLSelectElement>('select[name="organisation"]');
    if (group && select) group.hidden = select.value !== organisationNotListed;
  }

  /** The schema's problems and the safety gate's, one per field, in form order. */
  private async problems(values: DraftValues): Promise<{ errors: FieldError[]; safetyChecked: boolean }> {
    const options = this.options();
    const errors = validateDraft(values, options);
    const mdx = draftToMdx(values, options);
    const safety = await safetyProblems(mdx);
    return { errors: mergeErrors(errors, safety ? sectionErrors(mdx, safety) : []), safetyChecked: safety !== undefined };
  }

  private async check(trigger: 'submit' | 'blur', fieldId?: string): Promise<void> {
    const run = ++this.checks;
    const values = this.values();
    const { errors, safetyChecked } = await this.problems(values);
    if (run !== this.checks) return;

    const byId = new Map(errors.map((e) => [e.id, e.message]));
    // On submit every field is updated; on leaving a field, only that field (and the summary).
    const ids = trigger === 'submit' ? new Set([...this.shownErrors, ...byId.keys()]) : new Set([fieldId!]);
    for (const id of ids) showFieldError(this.form, id, byId.get(id));
    this.shownErrors = new Set([...this.shownErrors, ...ids].filter((id) => byId.has(id)));

    const visible = trigger === 'submit' ? errors : errors.filter((e) => this.shownErrors.has(e.id));
    const summary = showSummary(this.form, visible);
    document.title = visible.length ? `Error: ${this.pageTitle}` : this.pageTitle;

    if (trigger !== 'submit') return;
    if (errors.length) {
      this.result.hidden = true;
      summary?.focus();
      return;
    }
    const select = this.querySelector<HTMLSelectElement>('select[name="organisation"]');
    const organisationName =
      select?.value === organisationNotListed ? String(values['organisation-name'] ?? '') : (select?.selectedOptions[0]?.textContent ?? '');
    const { repository = '', branch = 'main' } = this.dataset;
    const options = this.options();
    const illustrative = options.illustrativeOrganisations!.includes(String(values.organisation ?? ''));
    showResult(this.result, values, handOff(values, { ...options, repository, branch }), organisationName.trim(), illustrative);
    // Sending without a GitHub account, when the site offers it (src/browser/contribute/gateway-send.ts).
    (this.querySelector('gateway-send') as (Element & { setDraft?(values: DraftValues): void }) | null)?.setDraft?.(values);
    this.querySelector<HTMLElement>('[data-safety-skipped]')!.hidden = safetyChecked;
    this.result.focus();
  }

  private async lookForSimilar(): Promise<void> {
    const box = this.querySelector<HTMLElement>('[data-similar]');
    const title = String(this.values().title ?? '').trim();
    if (!box) return;
    if (title.length < 10) {
      box.replaceChildren();
      return;
    }
    const matches = await findSimilar(this.dataset.pagefind ?? '', this.dataset.base ?? '/', title);
    if (!matches.length) {
      box.replaceChildren();
      return;
    }
    const card = document.createElement('div');
    card.className = 'nhsuk-card nhsuk-card--warning';
    const content = document.createElement('div');
    content.className = 'nhsuk-card__content';
    const heading = document.createElement('h4');
    heading.className = 'nhsuk-card__heading';
    heading.textContent = matches.length === 1 ? 'A similar blueprint already exists' : 'Similar blueprints already exist';
    const intro = document.createElement('p');
    intro.textContent = 'If yours covers the same work, consider improving the existing page instead. You can still carry on with your draft.';
    const list = document.createElement('ul');
    for (const match of matches) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = match.url;
      link.textContent = match.title;
      item.append(link);
      list.append(item);
    }
    content.append(heading, intro, list);
    card.append(content);
    box.replaceChildren(card);
  }

  private clear(): void {
    if (!window.confirm('Clear your draft? Everything you have written on this page will be deleted from this device.')) return;
    clearDraft();
    this.dispatchEvent(new Event('draft-cleared'));
    this.form.reset();
    for (const id of this.shownErrors) showFieldError(this.form, id, undefined);
    this.shownErrors.clear();
    this.submitted = false;
    showSummary(this.form, []);
    document.title = this.pageTitle;
    this.result.hidden = true;
    this.querySelector<HTMLElement>('[data-restored]')!.hidden = true;
    this.querySelector('[data-similar]')?.replaceChildren();
    this.showOrganisationName();
    document.getElementById('draft-type')?.focus();
  }
}

customElements.define('draft-form', DraftForm);
