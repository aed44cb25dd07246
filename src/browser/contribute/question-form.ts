/**
 * A page of questions that goes to GitHub's issue form as it is without JavaScript and, when the
 * page offers the submission gateway, can be sent through it with no GitHub account: the "We are
 * using this" page (<adoption-form>) and the feedback page (<feedback-form>); the review and change
 * pages (<review-form>, <change-form>) are sent through the gateway only. Answers named in the
 * page address (?blueprint=…, ?page=…) are filled in, and answers typed are kept in this browser
 * until they are sent, so a reload loses nothing. "Send without a GitHub account" checks that
 * every required answer is there, then hands the answers to <gateway-send>, which signs the
 * person in and sends them; the gateway checks them in full and says, field by field, what to change.
 */
import type { FieldError } from '../../lib/contribute/draft-check';
import type { Question } from '../../lib/contribute/questions';
import type { DraftSent } from './gateway-send';
import { goToField, showFieldError, showSummary } from './errors';
import { readValues, writeValues } from './form-values';
import { markErrorsInTitle, plainTitle } from './page-title';
import { clearAnswers, loadAnswers, saveAnswers } from './storage';

interface GatewaySendElement extends HTMLElement {
  setDraft(values: ReturnType<typeof readValues>): void;
  readCurrent: (() => ReturnType<typeof readValues>) | undefined;
}

export interface QuestionFormSpec {
  questions: readonly Question[];
  /** What the answers lack before they can be sent. */
  missing(values: ReturnType<typeof readValues>): FieldError[];
  /** The questions the page address may answer, by id. */
  fromAddress: readonly string[];
  /** What is said above the questions when the page address gives a title (?title=…), e.g. "You are reviewing “…”." */
  titleLine?(title: string): string;
  /** Anything more the page does once its answers from the address are filled in (the change form loads the blueprint's parts). */
  start?(form: HTMLFormElement, root: HTMLElement, query: URLSearchParams): void;
  /** Questions whose answers the page keeps itself (the change form keeps each part's text), so are not kept here. */
  keptByPage?: readonly string[];
  /** What the confirmation says, given what the gateway opened on GitHub (a link made with `link`); the reference and a link to its own page follow. */
  sentText(detail: DraftSent, link: (href: string, text: string) => HTMLAnchorElement): (string | Node)[];
}

/** The confirmation of something that goes to the site team as a pull request (an owner's review, a suggested change). */
export const sentToSiteTeam: QuestionFormSpec['sentText'] = ({ pullRequest }, link) => {
  if (pullRequest) return ['The site team can check it as ', link(pullRequest.url, `pull request #${pullRequest.number}`), ' on GitHub.'];
  return ['The sending service is passing it to the site team on GitHub.'];
};

export function defineQuestionForm(tag: string, spec: QuestionFormSpec): void {
  class QuestionForm extends HTMLElement {
    /** The page's own title, which the confirmation's leads. */
    private readonly pageTitle = plainTitle();

    private get form(): HTMLFormElement {
      return this.querySelector('form')!;
    }

    connectedCallback(): void {
      const query = new URLSearchParams(location.search);
      const title = query.get('title')?.trim();
      const said = this.querySelector<HTMLElement>('[data-page-title]');
      if (title && said && spec.titleLine) {
        said.textContent = spec.titleLine(title);
        said.hidden = false;
      }
      // Answers typed here before are kept in this browser until sent, so a reload or a failed send loses
      // nothing: kept for the page they were about, as the address names it.
      const kept = spec.questions.filter((q) => !spec.keptByPage?.includes(q.id));
      const where = `blueprint-commons:answers:v1:${tag}:${spec.fromAddress.map((id) => query.get(id) ?? '').join('|')}`;
      const earlier = loadAnswers(where);
      if (earlier) writeValues(this.form, earlier, kept);
      const keep = () => saveAnswers(where, readValues(this.form, kept));
      this.form.addEventListener('input', keep);
      this.form.addEventListener('change', keep);
      this.addEventListener('draft-sent', () => clearAnswers(where));
      for (const id of spec.fromAddress) {
        const given = query.get(id);
        const field = this.form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${id}"]`);
        // A choice only if the list has it: a renamed or mistyped organisation leaves the list as it is.
        const known = !(field instanceof HTMLSelectElement) || [...field.options].some((o) => o.value === given);
        if (given && field && !field.value && known) field.value = given;
      }

      spec.start?.(this.form, this, query);
      for (const el of this.querySelectorAll('[data-no-js]')) el.remove();
      for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
      const check = this.querySelector<HTMLButtonElement>('[data-check]');
      const send = this.querySelector<GatewaySendElement>('gateway-send');
      if (!check || !send) return;
      check.hidden = false;
      check.addEventListener('click', () => this.check(send));
      // Enter in a box would submit the form with its first submit button, "Continue on GitHub",
      // taking the answers to GitHub in its address: with the gateway offered, Enter checks and
      // sends here, as the main button does, and only that button itself leaves for GitHub.
      this.form.addEventListener('keydown', (event) => {
        const box = event.target;
        if (event.key !== 'Enter' || !(box instanceof HTMLInputElement) || ['submit', 'button', 'reset', 'file'].includes(box.type)) return;
        event.preventDefault();
        this.check(send);
      });
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
      const values = readValues(this.form, spec.questions);
      const missing = spec.missing(values);
      for (const q of spec.questions) showFieldError(this.form, q.id, missing.find((e) => e.id === q.id)?.message);
      const summary = showSummary(this.form, missing);
      // Answers being checked again are a send under way, not the confirmation of one before.
      document.title = this.pageTitle;
      markErrorsInTitle();
      if (missing.length) {
        summary?.focus();
        return;
      }
      // The form stays open above the send step: a correction made there is what is sent.
      send.readCurrent = () => readValues(this.form, spec.questions);
      send.setDraft(values);
      const section = this.querySelector<HTMLElement>('[data-send]')!;
      section.hidden = false;
      section.querySelector<HTMLElement>('h2')!.focus();
    }

    private sent(detail: DraftSent): void {
      const paragraph = (...parts: (string | Node)[]) => {
        const p = document.createElement('p');
        p.append(...parts);
        return p;
      };
      const link = (href: string, text: string) => Object.assign(document.createElement('a'), { href, textContent: text });
      // The reference and the status page, whatever else is said: the person has no GitHub account to follow it there.
      this.querySelector<HTMLElement>('[data-sent-body]')!.replaceChildren(
        ...(detail.sentAsNew ? [paragraph(detail.sentAsNew)] : []),
        ...(detail.reference ? [paragraph('Your reference is ', Object.assign(document.createElement('strong'), { textContent: detail.reference }), '.')] : []),
        paragraph(...spec.sentText(detail, link)),
        ...(detail.statusUrl ? [paragraph(link(detail.statusUrl, `Follow your ${this.dataset.noun ?? 'proposal'} on its own page`), '.')] : []),
      );
      const section = this.querySelector<HTMLElement>('[data-sent]')!;
      section.hidden = false;
      document.title = `${section.querySelector('h2')!.textContent}: ${this.pageTitle}`;
      section.querySelector<HTMLElement>('h2')!.focus();
    }
  }
  customElements.define(tag, QuestionForm);
}
