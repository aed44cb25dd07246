/**
 * <draft-form>: drafts a blueprint in the browser, one step at a time. Progressive enhancement
 * over the markup in src/components/contribute/DraftForm.astro: without this script every question
 * shows on one long form; with it the form shows one step of a few questions (its address is
 * `#step-<id>`, so Back, reload and the browser's history work), checks each step before moving
 * on, then shows check your answers, the ways to send and a confirmation. The draft is kept in
 * this browser throughout, and checked with the site's own blueprint schema and MDX safety gate.
 */
import { draftToMdx, hasAnswers, type DraftOptions } from '../../lib/contribute/draft';
import type { DraftValues } from '../../lib/contribute/answers';
import { mergeErrors, sectionErrors, validateDraft, type FieldError } from '../../lib/contribute/draft-check';
import { handOff } from '../../lib/contribute/hand-off';
import { localIsoDate } from '../../lib/contribute/local-date';
import { organisationNotListed } from '../../lib/contribute/questions';
import { maxFileBytes } from '../../lib/validate/rules/file-size';
import type { DraftFromFile } from '../../lib/contribute/draft-from-file';
import {
  checkAnswersStep, errorsOnStep, firstStepWithErrors, questionSteps, sendStep, sentStepId, stepById, stepOfQuestion, steps, withTopic, type Step,
} from '../../lib/contribute/steps';
import { showAnswers } from './check-answers';
import { fieldIdOf, readValues, writeValues } from './form-values';
import { goToField, showFieldError, showSummary } from './errors';
import { carryOnLink, sentAnswers } from './carry-on';
import type { DraftSent } from './gateway-send';
import { titled } from './page-title';
import { showResult } from './result';
import { safetyProblems } from './safety';
import { findSimilar } from './similar';
import { clearDraft, loadDraft, saveDraft } from './storage';

const stepPrefix = '#step-';

/** The step an address names, e.g. `#step-check-answers`; undefined for any other fragment. */
function stepInHash(hash: string): string | undefined {
  return hash.startsWith(stepPrefix) ? hash.slice(stepPrefix.length) : undefined;
}

class DraftForm extends HTMLElement {
  private form!: HTMLFormElement;
  private current: Step | typeof sentStepId = questionSteps[0];
  /** Set by a "Change" link: once that step passes, the author goes back to check your answers. */
  private returnToCheck = false;
  /** After the first Continue on a step, its fields are checked again as the author leaves them. */
  private submitted = false;
  /** Guards against an older, slower check overwriting a newer one. */
  private checks = 0;
  private shownErrors = new Set<string>();
  /** A mouse button, finger or pen is down on the page. */
  private pressing = false;
  /** What the gateway said about the draft last sent, for the confirmation. */
  private lastSent: DraftSent | undefined;
  private readonly pageTitle = document.title;

  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('form.app-draft-form');
    if (!form) return;
    this.form = form;

    const saved = loadDraft();
    if (saved) writeValues(form, saved);
    if (saved && hasAnswers(saved)) this.querySelector<HTMLElement>('[data-restored]')!.hidden = false;
    const topic = new URLSearchParams(location.search).get('topic');
    const before = this.values();
    const withIt = withTopic(before, topic);
    if (withIt !== before) {
      writeValues(form, withIt);
      saveDraft(this.values());
    }
    this.showOrganisationName();
    for (const el of this.querySelectorAll('[data-no-js]')) el.remove();
    for (const el of this.querySelectorAll<HTMLElement>('[data-js-only]')) el.hidden = false;
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
      void this.continue();
    });
    window.addEventListener('pointerdown', () => (this.pressing = true), true);
    for (const type of ['pointerup', 'pointercancel']) window.addEventListener(type, () => (this.pressing = false), true);
    form.addEventListener('focusout', (event) => {
      const id = fieldIdOf(event.target as Element);
      // Moving between the options of one question is not leaving it.
      if (!this.submitted || !id || fieldIdOf(event.relatedTarget as Element | null) === id) return;
      if (!this.pressing) return void this.checkStep('blur', id);
      // Left by pressing something, Continue perhaps. Clearing the question's problem (and with the
      // last one, the summary) would move that button up the page before the press ends, and the
      // press would miss it. So check once the press and its click are over, unless the click
      // started a check of the whole step.
      const checks = this.checks;
      const pressed = new AbortController();
      const after = () => {
        pressed.abort();
        setTimeout(() => this.checks === checks && void this.checkStep('blur', id));
      };
      for (const type of ['pointerup', 'pointercancel']) window.addEventListener(type, after, { capture: true, signal: pressed.signal });
    });
    this.addEventListener('click', (event) => {
      const target = event.target as Element;
      const errorLink = target.closest<HTMLAnchorElement>('[data-error-list] a[data-target]');
      if (errorLink) {
        event.preventDefault();
        const id = errorLink.dataset.target!;
        const step = stepOfQuestion(id);
        if (step && step !== this.current) {
          // A problem the gateway found in a question of an earlier step: go there, as "Change" does,
          // and back to check your answers once it passes.
          this.returnToCheck = true;
          this.pendingFocus = id;
          this.go(step.id);
        } else goToField(form, id);
        return;
      }
      const change = target.closest<HTMLAnchorElement>('a[data-change]');
      if (change) this.returnToCheck = true;
      this.pendingFocus = change?.dataset.change;
      if (target.closest('[data-issue-link]')) this.confirm({ github: true });
    });
    this.addEventListener('draft-sent', (event) => this.confirm({ gateway: (event as CustomEvent<DraftSent>).detail }));
    this.querySelector('[data-clear]')?.addEventListener('click', () => this.clear());
    this.querySelector<HTMLInputElement>('[data-open-file]')?.addEventListener('change', (event) => void this.openFile(event.target as HTMLInputElement));
    // A carry-on link opens here as the page loads, or in a tab where the form is already open (only the fragment changes).
    const carryOn = (): boolean => {
      const link = carryOnLink.exec(location.hash);
      if (!link) return false;
      // The link's token leaves the address bar at once, so it is not bookmarked or shared with the page's address.
      history.replaceState(history.state, '', `${location.pathname}${location.search}#draft-heading`);
      void this.openSent(link[1], link[2]);
      return true;
    };
    window.addEventListener('hashchange', () => {
      if (!carryOn()) void this.route(false);
    });
    carryOn();
    void this.route(true);
  }

  /** The question a "Change" link asked for, focused once its step shows. */
  private pendingFocus: string | undefined;

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

  /** Moves to a step by its address, so the browser's Back and history follow the steps. */
  private go(id: string): void {
    if (location.hash === `${stepPrefix}${id}`) void this.route(false);
    else location.hash = `${stepPrefix}${id}`;
  }

  /**
   * Shows the step the address names. Check your answers and send need a draft that passes every
   * check: otherwise the author goes to the first step with a problem, and sees it. The
   * confirmation needs something sent in this visit; after a reload it is the send step again.
   */
  private async route(initial: boolean): Promise<void> {
    const id = stepInHash(location.hash);
    if (id === undefined && !initial) return;
    let step: Step | typeof sentStepId = id === sentStepId ? sentStepId : (stepById(id ?? '') ?? questionSteps[0]);
    if (step === sentStepId && !this.lastSent) step = sendStep;
    if (step === checkAnswersStep || step === sendStep || step === sentStepId) {
      const run = ++this.checks;
      const { errors, safetyChecked } = await this.problems(this.values());
      if (run !== this.checks) return;
      this.querySelector<HTMLElement>('[data-safety-skipped]')!.hidden = safetyChecked;
      const failing = firstStepWithErrors(errors);
      if (failing || (errors.length && step !== checkAnswersStep)) {
        const to = failing ?? checkAnswersStep;
        history.replaceState(null, '', `${stepPrefix}${to.id}`);
        this.show(to, id !== undefined);
        this.showErrors(failing ? errorsOnStep(failing, errors) : errors);
        return;
      }
      if (step === checkAnswersStep && errors.length) {
        this.show(step, id !== undefined);
        this.showErrors(errors);
        return;
      }
    }
    if (id !== undefined && (step === sendStep || step === checkAnswersStep) && stepInHash(location.hash) !== step.id) {
      history.replaceState(null, '', `${stepPrefix}${step.id}`);
    }
    // Opening the page at its plain address shows the first step without jumping past the guidance above it.
    this.show(step, id !== undefined);
  }

  /** Shows one step, hides the others, and moves focus to its heading (or the question changed). */
  private show(step: Step | typeof sentStepId, focus: boolean): void {
    this.current = step;
    const id = step === sentStepId ? sentStepId : step.id;
    for (const section of this.querySelectorAll<HTMLElement>('[data-step]')) section.hidden = section.dataset.step !== id;
    this.form.hidden = step === sendStep || step === sentStepId;
    this.showErrors([]);
    this.submitted = false;

    if (step !== sentStepId) {
      const index = steps.indexOf(step);
      const back = this.querySelector<HTMLAnchorElement>(`[data-step="${step.id}"] [data-back]`);
      if (back) {
        back.hidden = index === 0;
        if (index > 0) back.href = `${stepPrefix}${steps[index - 1].id}`;
      }
      this.titleFor(step, false);
    } else document.title = `${this.querySelector('[data-sent-heading]')?.textContent ?? ''}: ${this.pageTitle}`;

    if (step === checkAnswersStep) {
      this.returnToCheck = false;
      const values = this.values();
      showAnswers(this.querySelector<HTMLElement>('[data-answers]')!, values, (slug) => this.organisationName(slug));
      this.querySelector<HTMLElement>('[data-illustrative-note]')!.hidden = !this.options().illustrativeOrganisations!.includes(String(values.organisation ?? ''));
    }
    if (step === sendStep) this.prepareSend();

    const question = this.pendingFocus;
    this.pendingFocus = undefined;
    if (question && step !== sentStepId && step.questions.some((q) => q.id === question)) goToField(this.form, question);
    else if (focus) document.getElementById(`step-${id}`)?.focus();
  }

  private organisationName(slug: string): string | undefined {
    const option = [...(this.querySelector<HTMLSelectElement>('select[name="organisation"]')?.options ?? [])].find((o) => o.value === slug);
    return option?.textContent ?? undefined;
  }

  /** The ways to send, filled from the draft as it stands. */
  private prepareSend(): void {
    const values = this.values();
    const { repository = '', branch = 'main' } = this.dataset;
    showResult(this.querySelector<HTMLElement>('[data-result]')!, handOff(values, { ...this.options(), repository, branch }));
    // Sending without a GitHub account, when the site offers it (src/browser/contribute/gateway-send.ts).
    (this.querySelector('gateway-send') as (Element & { setDraft?(values: DraftValues): void }) | null)?.setDraft?.(values);
  }

  /** Continue: checks this step's questions, then moves on (or back to check your answers after a change). */
  private async continue(): Promise<void> {
    const step = this.current;
    if (step === checkAnswersStep) return this.go(sendStep.id);
    if (step === sendStep || step === sentStepId) return;
    this.submitted = true;
    const passed = await this.checkStep('submit');
    if (!passed) return;
    const next = this.returnToCheck ? checkAnswersStep : steps[steps.indexOf(step) + 1];
    this.go(next.id);
  }

  /** Checks the current step: every question on Continue, one question when the author leaves it. True when the step passes. */
  private async checkStep(trigger: 'submit' | 'blur', fieldId?: string): Promise<boolean> {
    const step = this.current;
    if (step === sentStepId) return false;
    const run = ++this.checks;
    const { errors } = await this.problems(this.values());
    if (run !== this.checks || step !== this.current) return false;
    const onStep = errorsOnStep(step, errors);
    const byId = new Map(onStep.map((e) => [e.id, e.message]));
    // On Continue every question on the step is updated; on leaving a question, only that one.
    const ids = trigger === 'submit' ? new Set([...this.shownErrors, ...byId.keys()]) : new Set([fieldId!]);
    for (const id of ids) showFieldError(this.form, id, byId.get(id));
    this.shownErrors = new Set([...this.shownErrors, ...ids].filter((id) => byId.has(id)));
    const visible = trigger === 'submit' ? onStep : onStep.filter((e) => this.shownErrors.has(e.id));
    const summary = showSummary(this.form, visible);
    this.titleFor(step, visible.length > 0);
    if (trigger === 'submit' && onStep.length) summary?.focus();
    return onStep.length === 0;
  }

  /** Shows problems found on arriving at a step: beside each question and in the summary, which takes focus. */
  private showErrors(errors: readonly FieldError[]): void {
    for (const id of this.shownErrors) showFieldError(this.form, id, undefined);
    for (const { id, message } of errors) showFieldError(this.form, id, message);
    this.shownErrors = new Set(errors.map((e) => e.id));
    const summary = showSummary(this.form, errors);
    if (this.current !== sentStepId) this.titleFor(this.current, errors.length > 0);
    if (errors.length) {
      this.submitted = true;
      summary?.focus();
    }
  }

  /** The step's name leads the title once the address names a step; the plain address keeps the page's own title. */
  private titleFor(step: Step, hasErrors: boolean): void {
    const named = stepInHash(location.hash) !== undefined;
    document.title = titled(`${named ? `${step.title}: ` : ''}${this.pageTitle}`, hasErrors);
  }

  /** The confirmation: what was sent, where it went, and what happens next. */
  private confirm(how: { github: true } | { gateway: DraftSent }): void {
    const heading = this.querySelector<HTMLElement>('[data-sent-heading]')!;
    const body = this.querySelector<HTMLElement>('[data-sent-body]')!;
    const next = this.querySelector<HTMLElement>('[data-sent-next]')!;
    const paragraph = (...parts: (string | Node)[]) => {
      const p = document.createElement('p');
      p.append(...parts);
      return p;
    };
    const link = (href: string, text: string) => {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      return a;
    };
    if ('github' in how) {
      const issue = this.querySelector<HTMLAnchorElement>('[data-issue-link]')!;
      heading.textContent = 'Finish sending your draft on GitHub';
      body.replaceChildren(paragraph('The GitHub form has opened in a new tab with your draft filled in.'));
      next.replaceChildren(
        paragraph('Tick the two statements at the end of the GitHub form and submit it. Within a few minutes a bot replies on your issue, either with a link to your proposed page or with what to change. The site team reviews it with you before it is published.'),
        paragraph('If the tab did not open, ', link(issue.href, 'open the GitHub form with your draft filled in'), '.'),
      );
      this.lastSent = {};
    } else {
      const { pullRequest, statusUrl, reference, sentAsNew } = how.gateway;
      heading.textContent = 'Your draft has been sent';
      body.replaceChildren(
        ...(sentAsNew ? [paragraph(sentAsNew)] : []),
        ...(reference ? [paragraph('Your reference is ', Object.assign(document.createElement('strong'), { textContent: reference }), '.')] : []),
        pullRequest
          ? paragraph('It is open for review as ', link(pullRequest.url, `pull request #${pullRequest.number}`), '.')
          : paragraph('The sending service has it and is opening it on GitHub.'),
      );
      next.replaceChildren(
        paragraph(pullRequest ? 'We have emailed you the link.' : 'We will email you the link when it is open.', ' The site team reviews your proposal, may ask for changes, and publishes it once it is ready: we email you their replies, and when it is published or closed.'),
        // Its own page needs no GitHub account, so it is offered even when the pull request is open.
        ...(statusUrl ? [paragraph(link(statusUrl, 'Follow your proposal on its own page'), '.')] : []),
        paragraph('To change it, change your draft here and send it again: the same proposal is updated while it is still open.'),
      );
      this.lastSent = how.gateway;
    }
    this.go(sentStepId);
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

  /**
   * A proposal sent through the gateway, opened from the carry-on link in its emails on any
   * computer: its answers replace the draft on this page (once the author agrees, if there is
   * one), and sending again changes that proposal. A link that does not open it changes nothing.
   */
  private async openSent(id: string, token: string): Promise<void> {
    const failed = this.querySelector<HTMLElement>('[data-carry-on-failed]')!;
    const fail = (message: string) => {
      failed.querySelector('[data-carry-on-failed-text]')!.textContent = `${message}. Your draft on this page is unchanged.`;
      failed.hidden = false;
      failed.focus();
    };
    const send = this.querySelector<HTMLElement>('gateway-send');
    if (!send?.dataset.url) return fail('This copy of the site does not offer sending without a GitHub account, so it cannot open what you sent');
    const sent = await sentAnswers(send.dataset.url, send, id, token);
    if ('error' in sent) return fail(sent.error.replace(/[.:]\s*$/, ''));
    if (hasAnswers(this.values()) && !window.confirm('Open the proposal you sent? It replaces the draft on this page, which is deleted from this device.')) return;
    failed.hidden = true;
    this.opened(sent.values, `We have opened the proposal you sent (reference ${id}). Choose “Change” to change any answer, then send it again from the last step: the same pull request is updated.`, []);
    sent.keep();
  }

  /**
   * A draft downloaded earlier, opened from a file: its answers replace the draft on this page,
   * and the author goes to check them. A file that is not a blueprint, or is too big to be one,
   * changes nothing and says why beside the file box.
   */
  private async openFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    const group = this.querySelector<HTMLElement>('[data-open-file-group]')!;
    const error = this.querySelector<HTMLElement>('[data-open-file-error]')!;
    const fail = (message: string) => {
      error.replaceChildren(Object.assign(document.createElement('span'), { className: 'nhsuk-u-visually-hidden', textContent: 'Error: ' }), message);
      error.hidden = false;
      group.classList.add('nhsuk-form-group--error');
      input.setAttribute('aria-describedby', 'draft-open-file-hint draft-open-file-error');
      input.value = '';
      input.focus();
    };
    if (file.size > maxFileBytes) return fail(`${file.name} is ${Math.ceil(file.size / 1024)} KiB, bigger than any blueprint can be (${maxFileBytes / 1024} KiB): choose the .mdx file the form downloaded`);
    const organisations = [...(this.querySelector<HTMLSelectElement>('select[name="organisation"]')?.options ?? [])].map((o) => o.value).filter((v) => v && v !== organisationNotListed);
    let result: DraftFromFile;
    try {
      // Loaded when a file is chosen, so the form does not load the file reader as it opens.
      const { answersFromMdx } = await import('../../lib/contribute/draft-from-file');
      result = answersFromMdx(await file.text(), organisations);
    } catch {
      return fail(`${file.name} could not be read: the page could not load what reads it, or the file could not be opened. Reload the page and try again; your draft on this page is unchanged`);
    }
    if ('error' in result) return fail(`${file.name} could not be opened as a draft, because ${result.error}. Choose the .mdx file the form downloaded`);
    if (hasAnswers(this.values()) && !window.confirm(`Open ${file.name}? It replaces the draft on this page, which is deleted from this device.`)) {
      input.value = '';
      return;
    }
    error.hidden = true;
    group.classList.remove('nhsuk-form-group--error');
    input.setAttribute('aria-describedby', 'draft-open-file-hint');
    input.value = '';
    this.opened(result.values, `We have opened your draft from ${file.name}. Choose “Change” to carry on with any answer.`, result.leftOut);
  }

  /** Answers from elsewhere (a file, or a proposal sent) replace the draft; the author goes to check them, told where they came from. */
  private opened(values: DraftValues, text: string, leftOutOf: string[]): void {
    this.form.reset();
    writeValues(this.form, values);
    saveDraft(this.values());
    this.showErrors([]);
    this.submitted = false;
    this.returnToCheck = false;
    this.lastSent = undefined;
    this.querySelector<HTMLElement>('[data-restored]')!.hidden = true;
    this.showOrganisationName();
    void this.lookForSimilar();
    const opened = this.querySelector<HTMLElement>('[data-opened-file]')!;
    opened.querySelector('[data-opened-file-text]')!.textContent = text;
    const leftOut = opened.querySelector<HTMLElement>('[data-opened-file-left-out]')!;
    leftOut.textContent = leftOutOf.length > 0 ? `This form has no question for some of what the file holds, so it was left out: ${leftOutOf.join('; ')}.` : '';
    leftOut.hidden = leftOutOf.length === 0;
    opened.hidden = false;
    this.querySelector<HTMLDetailsElement>('[data-open-file-details]')!.open = false;
    this.go(checkAnswersStep.id);
  }

  private clear(): void {
    if (!window.confirm('Clear your draft? Everything you have written on this page will be deleted from this device.')) return;
    clearDraft();
    this.dispatchEvent(new Event('draft-cleared'));
    this.form.reset();
    this.showErrors([]);
    this.submitted = false;
    this.returnToCheck = false;
    this.lastSent = undefined;
    this.querySelector<HTMLElement>('[data-restored]')!.hidden = true;
    this.querySelector<HTMLElement>('[data-opened-file]')!.hidden = true;
    this.querySelector('[data-similar]')?.replaceChildren();
    this.showOrganisationName();
    this.go(questionSteps[0].id);
  }
}

customElements.define('draft-form', DraftForm);
