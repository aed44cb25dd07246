/**
 * <adoption-form>: the "We are using this" page (src/pages/we-are-using-this.astro). Fills in the
 * blueprint and the organisation from the page address (?blueprint=<short name>, as the link on
 * each blueprint page gives it; &organisation=<short name>, as the reminder to update a record does). When the page offers the submission gateway, "Send without a GitHub account" checks
 * that every answer the record needs is there, then hands the answers to <gateway-send>, which
 * signs the person in and sends them; the gateway checks the record in full and says, field by
 * field, what to change. Without JavaScript the form goes to GitHub's issue form as it is.
 */
import { missingAdoptionAnswers, adoptionPageQuestions } from '../../lib/contribute/adoption-questions';
import type { DraftSent } from './gateway-send';
import { goToField, showFieldError, showSummary } from './errors';
import { readValues } from './form-values';

interface GatewaySendElement extends HTMLElement {
  setDraft(values: ReturnType<typeof readValues>): void;
  readCurrent: (() => ReturnType<typeof readValues>) | undefined;
}

class AdoptionForm extends HTMLElement {
  private get form(): HTMLFormElement {
    return this.querySelector('form')!;
  }

  connectedCallback(): void {
    const query = new URLSearchParams(location.search);
    for (const id of ['blueprint', 'organisation']) {
      const given = query.get(id);
      const field = this.form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${id}"]`);
      // A choice only if the list has it: a renamed or mistyped organisation leaves the list as it is.
      const known = !(field instanceof HTMLSelectElement) || [...field.options].some((o) => o.value === given);
      if (given && field && !field.value && known) field.value = given;
    }

    for (const el of this.querySelectorAll('[data-no-js]')) el.remove();
    const check = this.querySelector<HTMLButtonElement>('[data-check]');
    const send = this.querySelector<GatewaySendElement>('gateway-send');
    if (!check || !send) return;
    check.hidden = false;
    check.addEventListener('click', () => this.check(send));
    // Error links in the form's summary and in the send step's (the gateway's own checks).
    this.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('[data-error-list] a[data-target]');
      if (!link) return;
      event.preventDefault();
      goToField(this.form, link.dataset.target!);
    });
    this.addEventListener('draft-sent', (event) => this.sent((event as CustomEvent<DraftSent>).detail));
  }

  /** Shows what is missing, or opens the send step with the answers. */
  private check(send: GatewaySendElement): void {
    const values = readValues(this.form, adoptionPageQuestions);
    const missing = missingAdoptionAnswers(values);
    for (const q of adoptionPageQuestions) showFieldError(this.form, q.id, missing.find((e) => e.id === q.id)?.message);
    const summary = showSummary(this.form, missing);
    if (missing.length) {
      summary?.focus();
      return;
    }
    // The form stays open above the send step: a correction made there is what is sent.
    send.readCurrent = () => readValues(this.form, adoptionPageQuestions);
    send.setDraft(values);
    const section = this.querySelector<HTMLElement>('[data-send]')!;
    section.hidden = false;
    section.querySelector<HTMLElement>('h2')!.focus();
  }

  private sent({ pullRequest, statusUrl }: DraftSent): void {
    const body = this.querySelector<HTMLElement>('[data-sent-body]')!;
    const p = document.createElement('p');
    const href = pullRequest?.url ?? statusUrl;
    if (href) {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = pullRequest ? `pull request #${pullRequest.number}` : 'its own page';
      p.append(pullRequest ? 'It is open for review as ' : 'The sending service is opening it on GitHub: follow it on ', a, '.');
    } else p.textContent = 'The sending service is opening it on GitHub.';
    body.replaceChildren(p);
    const section = this.querySelector<HTMLElement>('[data-sent]')!;
    section.hidden = false;
    section.querySelector<HTMLElement>('h2')!.focus();
  }
}

customElements.define('adoption-form', AdoptionForm);
