/**
 * <gateway-send>: sends a checked draft through the submission gateway (gateway/README.md, "The
 * API"), for authors without a GitHub account. Markup: src/components/contribute/GatewaySend.astro.
 *
 * The gateway checks everything again and never trusts this page. What this element keeps: the
 * session cookie (set by the gateway, HttpOnly), the CSRF token the gateway hands back, and in
 * localStorage the idempotency key and id of the submission this draft became, so a double click,
 * a retry or a reload never sends it twice, and sending an edited draft updates the same proposal.
 */
import { blueprintAnswer, organisationOf, textOf, type DraftValues } from '../../lib/contribute/answers';
import { showFieldError } from './errors';
import { markErrorsInTitle } from './page-title';
import { gatewayNotAnswering, requestTimeoutMs, submissionId } from './gateway-api';
import { draftSubmissionKey as draftKey, remember, remembered } from './storage';

/** What the gateway said once a draft was stored: the pull request (or, for feedback, the issue) when it is already open. */
export interface DraftSent {
  pullRequest?: { number: number; url: string };
  issue?: { number: number; url: string };
  statusUrl?: string;
  /** The submission's id, which its status page calls its reference. */
  reference?: string;
  /** Said when the earlier proposal these answers were to change could not be changed, so they went as a new one. */
  sentAsNew?: string;
}

interface GatewayError {
  id: string;
  message: string;
}

interface Answer {
  ok: boolean;
  status: number;
  body: {
    errors?: GatewayError[]; csrfToken?: string; signedIn?: boolean; email?: string | null; id?: string; state?: string;
    pullRequest?: { number: number; url: string } | null; issue?: { number: number; url: string } | null; statusUrl?: string;
    /** Why a PUT was refused with 409: the proposal can no longer be changed (gateway/src/routes.ts, `unchangeable`). */
    unchangeable?: string;
  };
}

/** The gateway's ids for this element's own questions, and their controls. */
const localFields: Record<string, string> = { email: 'gateway-email', code: 'gateway-code', 'credit-name': 'gateway-credit-name' };

/**
 * The address a code was last sent to from this tab, and when, so a reload while the email is on
 * its way goes back to the code box instead of asking for another code. sessionStorage: it goes
 * when the tab closes. Codes work for 15 minutes (GATEWAY_CODE_MINUTES, as the hint says).
 */
const pendingKey = 'blueprint-commons:gateway-code-sent:v1';
const codeLifetimeMs = 15 * 60_000;

function pendingSignIn(): string | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(pendingKey) ?? 'null') as { email?: unknown; at?: unknown } | null;
    if (saved && typeof saved.email === 'string' && typeof saved.at === 'number' && Date.now() - saved.at < codeLifetimeMs) return saved.email;
  } catch {
    // Nothing usable stored.
  }
  return undefined;
}

function rememberPendingSignIn(email: string | undefined): void {
  try {
    if (email) sessionStorage.setItem(pendingKey, JSON.stringify({ email, at: Date.now() }));
    else sessionStorage.removeItem(pendingKey);
  } catch {
    // Storage blocked: a reload asks for a new code, as before.
  }
}

/**
 * Where a submission is remembered: the drafting form's under one key, and an adoption record's
 * under its organisation and blueprint (what names the record's file), read as the gateway reads
 * them, so sending a record again updates that record's pull request and no other; an owner's
 * review is remembered under its blueprint, and a suggested change under its blueprint and part,
 * in the same way. Feedback is
 * remembered under its page only until the gateway has stored it: the next is new feedback.
 */
function storeKey(kind: string, values: DraftValues): string {
  if (kind === 'feedback') return `blueprint-commons:gateway-feedback:v1:${textOf(values, 'page')}`;
  if (kind === 'review') return `blueprint-commons:gateway-review:v1:${blueprintAnswer(textOf(values, 'blueprint'))}`;
  if (kind === 'change') return `blueprint-commons:gateway-change:v1:${blueprintAnswer(textOf(values, 'blueprint'))}:${textOf(values, 'section')}`;
  if (kind !== 'adoption') return draftKey;
  return `blueprint-commons:gateway-adoption:v1:${organisationOf(values) ?? ''}--${blueprintAnswer(textOf(values, 'blueprint'))}`;
}

/** How often, and how many times, to ask whether the pull request is open yet (about two minutes). */
const pollEveryMs = 1500;
const pollTimes = 80;

/** A web address the gateway gave, to link to: http or https only, never a script's address. */
function webLink(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A pull request or issue the gateway says it opened, if the answer is one. */
function openedOn(value: unknown): { number: number; url: string } | null {
  const v = value as { number?: unknown; url?: unknown } | null;
  const url = webLink(v?.url);
  return url && Number.isInteger(v?.number) && (v!.number as number) > 0 ? { number: v!.number as number, url } : null;
}

class GatewaySend extends HTMLElement {
  private values: DraftValues | undefined;
  private csrf = '';
  private email = '';
  private busy = false;
  /** Said with what follows a send that went as a new proposal because the earlier one could not be changed. */
  private sentAsNew: string | undefined;

  private get url(): string {
    return this.dataset.url ?? '';
  }

  /** The page's other ways to send, said when this one cannot (the download and the GitHub form, where the page has them). */
  private get otherwise(): string {
    return this.dataset.otherwise ? ` ${this.dataset.otherwise}` : '';
  }

  private get kind(): string {
    return this.dataset.kind ?? 'blueprint';
  }

  /** What is sent, as the messages name it. */
  private get noun(): string {
    return this.kind === 'adoption' ? 'record' : this.kind === 'feedback' ? 'feedback' : this.kind === 'review' ? 'review' : this.kind === 'change' ? 'change' : 'proposal';
  }

  private step(name: 'email' | 'code' | 'send'): HTMLFormElement {
    return this.querySelector<HTMLFormElement>(`form[data-gateway-step="${name}"]`)!;
  }

  connectedCallback(): void {
    for (const name of ['email', 'code', 'send'] as const) {
      this.step(name).addEventListener('submit', (event) => {
        event.preventDefault();
        if (!this.busy) void this.run(name);
      });
    }
    const named = this.querySelector<HTMLInputElement>('#gateway-named')!;
    named.addEventListener('change', () => {
      this.querySelector<HTMLElement>('[data-name-group]')!.hidden = !named.checked;
    });
    // On a shared computer the next person must not send in this one's name.
    this.querySelector('[data-sign-out]')!.addEventListener('click', () => {
      if (!this.busy) void this.signOut();
    });
    // A cleared draft starts a new proposal; an edited one updates the proposal it became.
    this.closest('draft-form')?.addEventListener('draft-cleared', () => remember(draftKey, undefined));
  }

  /**
   * Reads the answers as they are when "Send" is pressed, for a page whose form stays open beside
   * the send step (the "We are using this" page), so a correction made after the gateway refused
   * the answers is what goes. Without it, what the last setDraft gave is sent.
   */
  readCurrent: (() => DraftValues) | undefined;

  /** Called by <draft-form> each time a draft passes its checks. */
  setDraft(values: DraftValues): void {
    this.values = values;
    this.showErrors([]);
    this.status('');
    void this.restoreSession();
  }

  private async call(method: string, path: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      credentials: 'include',
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrf }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      // A gateway that never answers would leave the form busy for good: give up, say so, and let them try again.
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    let parsed: Answer['body'] = {};
    try {
      const read = (await response.json()) as unknown;
      if (read && typeof read === 'object' && !Array.isArray(read)) parsed = read as Answer['body'];
    } catch {
      // Not JSON: a proxy's error page, say. The status says enough.
    }
    if (typeof parsed.csrfToken === 'string') this.csrf = parsed.csrfToken;
    // What becomes a link or a stored id is taken only in the shape the gateway makes it.
    const id = typeof parsed.id === 'string' && submissionId.test(parsed.id) ? parsed.id : undefined;
    const checked = { ...parsed, id, statusUrl: webLink(parsed.statusUrl), pullRequest: openedOn(parsed.pullRequest), issue: openedOn(parsed.issue) };
    return { ok: response.ok, status: response.status, body: checked };
  }

  /** A gateway session from earlier (the cookie lasts hours) skips signing in again. */
  private async restoreSession(): Promise<void> {
    try {
      const session = await this.call('GET', '/api/session');
      // Sent from this browser before (then reloaded, say), or opened from the carry-on link in its email: sending again changes that proposal.
      // It may have been accepted or closed since, which this page cannot know until it sends: then it goes as a new one.
      const sentBefore = this.values && remembered(storeKey(this.kind, this.values))?.id
        ? ` You have already sent this ${this.kind === 'blueprint' ? 'draft' : this.noun}: sending it again updates the same proposal while it is still open.`
        : '';
      const pending = pendingSignIn();
      if (session.body.signedIn && session.body.email) {
        this.email = session.body.email;
        this.show('send');
        this.status(`Signed in as ${this.email}.${sentBefore}`);
      } else if (pending) {
        // Reloaded while the code was on its way: the code already sent still works.
        this.email = pending;
        this.querySelector<HTMLInputElement>('#gateway-email')!.value = pending;
        this.show('code');
        this.status(`We have emailed a code to ${pending}.${sentBefore}`);
      } else {
        this.show('email');
        this.status(sentBefore.trim());
      }
    } catch {
      this.show('email');
    }
  }

  private async run(name: 'email' | 'code' | 'send'): Promise<void> {
    this.busy = true;
    this.showErrors([]);
    // Said at once, and the button marked busy but left focusable, so a slow sending service is not mistaken for a dead button.
    const button = this.step(name).querySelector<HTMLButtonElement>('button[type="submit"]')!;
    const working = name === 'email' ? 'Emailing you a code…' : name === 'code' ? 'Checking the code…' : 'Sending…';
    button.setAttribute('aria-disabled', 'true');
    this.status(working);
    try {
      if (name === 'email') await this.askForCode();
      else if (name === 'code') await this.signIn();
      else await this.send();
    } catch {
      this.showErrors([{ id: '', message: `${gatewayNotAnswering}: try again in a few minutes. Your answers are saved on this device.${this.otherwise}` }]);
    } finally {
      this.busy = false;
      button.removeAttribute('aria-disabled');
      if (this.querySelector('[data-status]')!.textContent === working) this.status('');
    }
  }

  /** The honeypot's value: empty unless a bot filled in the hidden box. */
  private get honeypot(): string {
    return this.querySelector<HTMLInputElement>('#gateway-website')?.value ?? '';
  }

  private async askForCode(): Promise<void> {
    const email = this.querySelector<HTMLInputElement>('#gateway-email')!.value.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
      this.showErrors([{ id: 'email', message: 'Enter your work email address, like name@nhs.net' }]);
      return;
    }
    if (!this.csrf) await this.call('GET', '/api/session');
    const answer = await this.call('POST', '/api/sign-in', { email, website: this.honeypot });
    if (answer.status === 429) return this.limited(answer, 'email', 'Too many codes have been asked for: try again in an hour');
    if (!answer.ok) return this.showErrors(answer.body.errors ?? []);
    this.email = email;
    rememberPendingSignIn(email);
    this.show('code');
    this.status(`We have emailed a code to ${email}.`);
    this.querySelector<HTMLInputElement>('#gateway-code')!.focus();
  }

  private async signIn(): Promise<void> {
    const code = this.querySelector<HTMLInputElement>('#gateway-code')!.value.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(code)) {
      this.showErrors([{ id: 'code', message: 'Enter the 6 digits from the email' }]);
      return;
    }
    const answer = await this.call('POST', '/api/verify', { email: this.email, code });
    if (answer.status === 429) return this.limited(answer, 'code', 'Too many wrong codes: try again later');
    if (!answer.ok) return this.showErrors((answer.body.errors ?? []).map((e) => ({ ...e, id: e.id || 'code' })));
    rememberPendingSignIn(undefined);
    this.show('send');
    this.status(`Signed in as ${this.email}.`);
    this.querySelector<HTMLButtonElement>('form[data-gateway-step="send"] button[type="submit"]')!.focus();
  }

  /**
   * A limit reached (429: too many codes asked for, too many wrong ones, too many requests from
   * this computer), which may last an hour: what the gateway said, that the answers are safe, and
   * what else they can do now.
   */
  private limited(answer: Answer, id: string, fallback: string): void {
    const said = answer.body.errors?.[0]?.message ?? fallback;
    this.showErrors([{ id, message: `${said.replace(/[.:]\s*$/, '')}. Your answers are saved on this device.${this.otherwise}` }]);
  }

  private async signOut(): Promise<void> {
    this.busy = true;
    this.showErrors([]);
    try {
      const answer = await this.call('POST', '/api/sign-out');
      if (!answer.ok) return this.showErrors(answer.body.errors ?? [{ id: '', message: `The sending service answered ${answer.status}: try again in a minute` }]);
      this.email = '';
      rememberPendingSignIn(undefined);
      for (const id of ['gateway-email', 'gateway-code']) this.querySelector<HTMLInputElement>(`#${id}`)!.value = '';
      this.show('email');
      this.status(`Signed out. Your answers are still on this page; to send them, sign in again.`);
      this.querySelector<HTMLInputElement>('#gateway-email')!.focus();
    } catch {
      this.showErrors([{ id: '', message: `${gatewayNotAnswering}, so you are still signed in: try again in a few minutes.` }]);
    } finally {
      this.busy = false;
    }
  }

  private async send(): Promise<void> {
    const values = this.readCurrent?.() ?? this.values;
    if (!values) return;
    const named = this.querySelector<HTMLInputElement>('#gateway-named')!.checked;
    const body = {
      answers: values,
      notDuplicate: this.querySelector<HTMLInputElement>('#gateway-not-duplicate')?.checked ?? false,
      credit: { named, name: named ? this.querySelector<HTMLInputElement>('#gateway-credit-name')!.value : undefined },
    };
    const where = storeKey(this.kind, values);
    const earlier = remembered(where);
    let key = earlier?.key ?? crypto.randomUUID();
    remember(where, { key, id: earlier?.id });
    const create = () => this.call('POST', '/api/submissions', { ...body, kind: this.kind, idempotencyKey: key, website: this.honeypot });
    let answer = earlier?.id ? await this.call('PUT', `/api/submissions/${encodeURIComponent(earlier.id)}`, body) : await create();
    let sentAsNew: string | undefined;
    if (earlier?.id && (answer.status === 404 || answer.status === 409)) {
      // 404: sent from another address, or so long ago that the gateway has forgotten whose it was.
      // 409: accepted, closed or its address deleted, so it can no longer be changed. Either way, a new proposal.
      if (answer.status === 409) sentAsNew = this.whyNew(answer.body.unchangeable);
      key = crypto.randomUUID();
      remember(where, { key });
      answer = await create();
    }
    if (answer.status === 401) {
      this.show('email');
      return this.showErrors(answer.body.errors ?? []);
    }
    if (!answer.ok || !answer.body.id) {
      const errors = answer.body.errors ?? [{ id: '', message: `The sending service answered ${answer.status}: try again in a minute` }];
      const duplicate = this.querySelector<HTMLElement>('[data-duplicate-group]');
      if (duplicate) duplicate.hidden = !errors.some((e) => /duplicate/i.test(e.message));
      return this.showErrors(errors);
    }
    remember(where, this.kind === 'feedback' ? undefined : { key, id: answer.body.id });
    this.sentAsNew = sentAsNew;
    this.status(...this.saying(`Sent. We are opening your ${this.noun} on GitHub for the site team…`));
    await this.follow(answer.body.id, answer.body.statusUrl);
  }

  /** Why answers meant to change an earlier proposal went as a new one, from the gateway's reason. */
  private whyNew(reason: string | undefined): string {
    const earlier = `Your earlier ${this.noun}`;
    const what = reason === 'merged' ? `${earlier} was accepted`
      : reason === 'closed' ? `${earlier} was closed by the site team`
        : reason === 'address-deleted' ? `${earlier} can no longer be changed, because the email address it was sent from has been deleted`
          : `${earlier} can no longer be changed`;
    return `${what}, so we have sent this as a new ${this.noun}.`;
  }

  /** A status line, after what `sentAsNew` says, if anything. */
  private saying(...parts: (string | Node)[]): (string | Node)[] {
    return this.sentAsNew ? [`${this.sentAsNew} `, ...parts] : parts;
  }

  /**
   * Asks, a bounded number of times, until the gateway has opened the pull request (or issue). The
   * confirmation always has the reference and the status page: the person has no GitHub account.
   */
  private async follow(id: string, statusUrl: string | undefined): Promise<void> {
    for (let i = 0; i < pollTimes; i++) {
      const answer = await this.call('GET', `/api/submissions/${encodeURIComponent(id)}`);
      const { pullRequest: pull, issue } = answer.body;
      const followed = { reference: id, statusUrl: answer.body.statusUrl ?? statusUrl };
      if (answer.body.state === 'sent' && pull) {
        this.status(...this.saying(`Your ${this.noun} is on GitHub as `, this.link(pull.url, `pull request #${pull.number}`), ', where the site team checks it.'));
        this.sent({ pullRequest: pull, ...followed });
        return;
      }
      if (answer.body.state === 'sent' && issue) {
        this.status(...this.saying(`Your ${this.noun} is on GitHub as `, this.link(issue.url, `issue #${issue.number}`), ', where the site team replies.'));
        this.sent({ issue, ...followed });
        return;
      }
      if (answer.body.state === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, pollEveryMs));
    }
    this.status(...this.saying('What you sent is saved with the sending service, which keeps trying to open it on GitHub.'));
    this.sent({ reference: id, statusUrl });
  }

  /** Tells <draft-form>, which shows the confirmation: the pull request, or where to follow it. */
  private sent(detail: DraftSent): void {
    if (this.sentAsNew) detail = { ...detail, sentAsNew: this.sentAsNew };
    this.sentAsNew = undefined;
    this.dispatchEvent(new CustomEvent<DraftSent>('draft-sent', { bubbles: true, detail }));
  }

  private link(href: string, text: string): HTMLAnchorElement {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }

  private show(name: 'email' | 'code' | 'send'): void {
    const order = ['email', 'code', 'send'];
    for (const step of order) this.step(step as 'email').hidden = name === 'send' ? step !== 'send' : order.indexOf(step) > order.indexOf(name);
  }

  private status(...parts: (string | Node)[]): void {
    this.querySelector('[data-status]')!.replaceChildren(...parts);
  }

  /** The gateway's problems, each linked to the question or box it is about. */
  private showErrors(errors: GatewayError[]): void {
    const summary = this.querySelector<HTMLElement>('[data-errors]')!;
    const list = summary.querySelector('[data-error-list]')!;
    // This element's own questions show their problem beside them too, as the NHS.UK pattern asks.
    for (const [id, target] of Object.entries(localFields)) {
      const form = this.querySelector(`#${target}`)?.closest('form');
      if (form) showFieldError(form, target, errors.find((e) => e.id === id)?.message);
    }
    list.replaceChildren(
      ...errors.map((error) => {
        const li = document.createElement('li');
        const local = localFields[error.id];
        const target = local ?? (error.id ? `draft-${error.id}` : undefined);
        if (target && document.getElementById(target)) {
          const link = this.link(`#${target}`, error.message);
          // A question of the page's own form: the page takes the reader to it (data-target), on whatever step it is.
          if (!local) link.dataset.target = error.id;
          li.append(link);
        } else li.textContent = error.message;
        return li;
      }),
    );
    summary.hidden = errors.length === 0;
    markErrorsInTitle();
    if (errors.length) summary.focus();
  }
}

customElements.define('gateway-send', GatewaySend);
