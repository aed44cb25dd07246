/**
 * Browser code for /my-trust/ and /where-to-start/: two small custom elements around the pure
 * matching in src/lib/match. The trust profile lives only in this browser (localStorage) and in
 * the page address; the address is untrusted input, read through parseProfile and parseAnswers,
 * and everything shown is either copied from the page's own markup or set as text, never as HTML.
 */
import { blueprintsFor, closestShown, decodeMatchData, parseAnswers, parseProfile, prioritiesFor, profileFieldNames, profileFromOrganisation, profileToParams, rankEntries, similarOrganisations } from '../lib/match';
import type { Answers, BlueprintTitles, CompactMatchData, MatchData, TrustProfile } from '../lib/match';
import type { WhereToStart } from '../lib/schema/where-to-start';
import { illustrativeLabel } from '../lib/content/illustrative';
import { guideAnswers } from '../lib/schema/guide-answers';
import { inSentence, labelOf } from '../lib/schema/taxonomy';

const storageKey = 'blueprint-commons:trust-profile';

function savedProfile(): TrustProfile {
  try {
    return parseProfile(new URLSearchParams(localStorage.getItem(storageKey) ?? ''));
  } catch {
    return {}; // Storage can be switched off; the address still works.
  }
}

function saveProfile(profile: TrustProfile): void {
  try {
    const query = new URLSearchParams(profileToParams(profile)).toString();
    if (query) localStorage.setItem(storageKey, query);
    else localStorage.removeItem(storageKey);
  } catch {
    // As above: nothing to do without storage.
  }
}

async function loadJson<T>(address: string): Promise<T> {
  const response = await fetch(address);
  if (!response.ok) throw new Error(`${address} answered ${response.status}`);
  return (await response.json()) as T;
}

async function loadMatchData(address: string): Promise<MatchData> {
  return decodeMatchData(await loadJson<CompactMatchData>(address));
}

/** Sets each named control in the form to the value given (radios by value, selects by option). */
function fillForm(form: HTMLFormElement, values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    const control = form.elements.namedItem(name);
    if (control instanceof HTMLSelectElement) control.value = value ?? '';
    else if (control instanceof RadioNodeList) {
      for (const radio of control) if (radio instanceof HTMLInputElement) radio.checked = radio.value === value;
    } else if (control instanceof HTMLInputElement && control.type === 'radio') control.checked = control.value === value;
  }
}

/** Every profile field's value, so fields the profile leaves out are cleared in the form. */
function profileValues(profile: TrustProfile): Record<string, string | undefined> {
  return Object.fromEntries(profileFieldNames.map((field) => [field, profile[field]]));
}

const hasProfileIn = (params: URLSearchParams) => profileToParams(parseProfile(params)).length > 0;

/**
 * The saved profile with the fields this form asks taken from the address instead: a form that asks
 * only some fields (the where-to-start guide) must not wipe the rest a reader saved on /my-trust/.
 */
function withSavedFieldsKept(form: HTMLFormElement, fromAddress: TrustProfile): TrustProfile {
  const asks = ([field]: [string, string]) => form.elements.namedItem(field) !== null;
  const kept = profileToParams(savedProfile()).filter((pair) => !asks(pair));
  return parseProfile(new URLSearchParams([...kept, ...profileToParams(fromAddress).filter(asks)]));
}

class MyTrust extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form')!;
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    this.querySelectorAll<HTMLElement>('[data-needs-script], [data-clear]').forEach((el) => (el.hidden = false));
    this.querySelectorAll<HTMLElement>('[data-no-script-note]').forEach((el) => (el.hidden = true));

    const params = new URLSearchParams(location.search);
    const profile = hasProfileIn(params) ? parseProfile(params) : savedProfile();
    saveProfile(profile);
    fillForm(form, profileValues(profile));
    const query = new URLSearchParams(profileToParams(profile)).toString();
    // Addresses made from this page's own full address, never from its path alone: a path that starts
    // "//" would be read as another site's address.
    const here = (search: string) => Object.assign(new URL(location.href), { search, hash: '' }).href;
    if (query && location.search !== `?${query}`) history.replaceState(null, '', here(query));

    this.querySelector('[data-clear]')!.addEventListener('click', () => {
      saveProfile({});
      location.assign(here(''));
    });

    Promise.all([loadMatchData(this.dataset.match!), loadJson<BlueprintTitles>(this.dataset.titles!)])
      .then(([data, titles]) => {
        const select = this.querySelector<HTMLSelectElement>('#trust-org')!;
        select.addEventListener('change', () => {
          const org = data.organisations.find((o) => o.id === select.value);
          if (org) fillForm(form, profileValues(profileFromOrganisation(org)));
        });
        this.show(profile, data, titles, status);
        // Sent from the form, or a shared link: show the list, which starts below the questions, not the top of the page again.
        if (!hasProfileIn(params)) return;
        status.tabIndex = -1;
        status.focus({ preventScroll: true });
        status.scrollIntoView({ block: 'start' });
      })
      .catch(() => {
        status.textContent = 'The list could not be put in order for your trust. Reload the page to try again, or start from the playbooks below.';
      });
  }

  /** Every entry, ranked: playbooks are moved from the page; blueprints are added from their titles. */
  show(profile: TrustProfile, data: MatchData, titles: BlueprintTitles, status: HTMLElement) {
    const playbooks = new Map([...this.querySelectorAll<HTMLElement>('[data-match-id]')].map((li) => [li.dataset.matchId!, li]));
    const closer = this.querySelector<HTMLOListElement>('[data-closer]')!;
    const rest = this.querySelector<HTMLOListElement>('[data-rest]')!;
    const given = profileToParams(profile).length > 0;
    let close = 0;
    let total = 0;
    for (const { entry, score, reasons } of rankEntries(profile, data.entries)) {
      const li = playbooks.get(entry.id) ?? (Object.hasOwn(titles, entry.id) ? matchItem(entry.id, titles[entry.id]) : undefined);
      if (!li) continue;
      const why = li.querySelector<HTMLElement>('[data-reasons]')!;
      why.textContent = reasons.length > 0 ? `Why: ${reasons.join(' · ')}` : '';
      why.hidden = reasons.length === 0;
      const isClose = score > 0 && close < closestShown;
      (isClose ? closer : rest).append(li);
      if (isClose) close += 1;
      total += 1;
    }
    this.querySelector<HTMLElement>('[data-closer-section]')!.hidden = close === 0;
    this.querySelector('[data-rest-heading]')!.textContent = close > 0 ? 'Everything else' : 'All guidance';
    status.textContent = !given
      ? `Answer the questions above to put these ${total} blueprints, redprints and playbooks in order for your trust.`
      : close > 0
        ? `The ${close === 1 ? 'one' : close} closest to your trust first, with the reasons; the other ${total - close} follow.`
        : `None of the ${total} shares anything with your trust yet: they follow, newest first.`;
    if (!given) return;

    const similar = similarOrganisations(profile, data.organisations, 3);
    const list = this.querySelector<HTMLUListElement>('[data-similar-list]')!;
    list.replaceChildren(
      ...similar.map(({ organisation }) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `${this.dataset.organisations}${organisation.id}/`;
        // The name comes from the page's own list of organisations, not from the data file.
        a.textContent = this.querySelector<HTMLOptionElement>(`#trust-org option[value="${CSS.escape(organisation.id)}"]`)?.text ?? organisation.id;
        li.append(a);
        return li;
      }),
    );
    this.querySelector<HTMLElement>('[data-similar]')!.hidden = similar.length === 0;
    const share = this.querySelector<HTMLAnchorElement>('[data-share-link]')!;
    share.href = location.href;
    this.querySelector<HTMLElement>('[data-share]')!.hidden = false;
  }
}

/** "paid for by own running budget and national programme", or nothing when the blueprint does not say. */
function paidBy(funding: readonly string[]): string[] {
  if (funding.length === 0) return [];
  return [`paid for by ${new Intl.ListFormat('en-GB').format(funding.map(inSentence))}`];
}

/** A blueprint or redprint in the ranked list, marked up like the page's playbooks; every value is set as text. */
function matchItem(id: string, [href, title, type, publisher, cost, illustrative, funding]: BlueprintTitles[string]): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'app-match-list__item';
  li.dataset.matchId = id;
  const heading = document.createElement('h3');
  heading.className = 'nhsuk-heading-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-1';
  const link = document.createElement('a');
  link.href = href;
  link.textContent = title;
  heading.append(link);
  const detail = document.createElement('p');
  detail.className = 'nhsuk-body-s nhsuk-u-margin-bottom-1';
  detail.textContent = [publisher, `cost ${inSentence(cost)}`, ...paidBy(funding)].join(' · ');
  const reasons = document.createElement('p');
  reasons.className = 'nhsuk-body-s nhsuk-u-margin-bottom-0 app-match-list__reasons';
  reasons.dataset.reasons = '';
  reasons.hidden = true;
  li.append(typeTag(type), ...(illustrative ? [' ', illustrativeTag()] : []), heading, detail, reasons);
  return li;
}

/** The same tag as src/components/IllustrativeTag.astro: a made-up organisation's words. */
function illustrativeTag(): HTMLElement {
  const tag = document.createElement('strong');
  tag.className = 'nhsuk-tag nhsuk-tag--grey app-illustrative-tag';
  tag.dataset.illustrativeLabel = '';
  tag.textContent = illustrativeLabel;
  return tag;
}

/** The same tag as src/components/TypeTag.astro. */
function typeTag(type: 'blueprint' | 'redprint'): HTMLElement {
  const tag = document.createElement('strong');
  tag.className = `nhsuk-tag ${type === 'redprint' ? 'nhsuk-tag--red' : 'nhsuk-tag--blue'}`;
  tag.textContent = type === 'redprint' ? 'Redprint: what did not work' : 'Blueprint';
  return tag;
}

class WhereToStartGuide extends HTMLElement {
  connectedCallback() {
    const guide = JSON.parse(this.querySelector('[data-guide]')!.textContent!) as Pick<WhereToStart, 'questions' | 'priorities'> & {
      questionText: Record<string, string>;
      priorityTitle: Record<string, string>;
    };
    const form = this.querySelector('form')!;
    this.querySelector<HTMLElement>('[data-no-script]')!.hidden = true;
    this.querySelectorAll<HTMLElement>('[data-needs-script]').forEach((el) => (el.hidden = false));
    const params = new URLSearchParams(location.search);
    const answers = parseAnswers(params, guide.questions);
    const profile = hasProfileIn(params) ? parseProfile(params) : savedProfile();
    if (hasProfileIn(params)) saveProfile(withSavedFieldsKept(form, profile));
    fillForm(form, { ...profileValues(profile), ...answers });
    form.addEventListener('submit', (event) => {
      // A form with no answer would only reload the questions: say so instead, as NHS.UK forms do.
      const data = new FormData(form);
      const given = parseAnswers({ get: (name) => (typeof data.get(name) === 'string' ? (data.get(name) as string) : null) }, guide.questions);
      if (Object.keys(given).length > 0) return;
      event.preventDefault();
      const summary = this.querySelector<HTMLElement>('[data-error-summary]')!;
      summary.hidden = false;
      if (!document.title.startsWith('Error: ')) document.title = `Error: ${document.title}`;
      summary.focus();
    });
    // As NHS.UK's error summary does: the link focuses the first answer and shows its question above it.
    this.querySelector<HTMLAnchorElement>('[data-first-question]')!.addEventListener('click', (event) => {
      const input = document.getElementById(event.currentTarget instanceof HTMLAnchorElement ? event.currentTarget.hash.slice(1) : '');
      if (!input) return;
      event.preventDefault();
      input.focus({ preventScroll: true });
      (input.closest('fieldset') ?? input).scrollIntoView({ block: 'start' });
    });
    if (Object.keys(answers).length === 0) return;
    this.showPlaybook(guide, answers, profile, form);
  }

  showPlaybook(guide: Pick<WhereToStart, 'priorities'> & { questionText: Record<string, string>; priorityTitle: Record<string, string> }, answers: Answers, profile: TrustProfile, form: HTMLFormElement) {
    const result = this.querySelector<HTMLElement>('[data-result]')!;
    const list = this.querySelector<HTMLOListElement>('[data-priorities]')!;
    const chosen = prioritiesFor(answers, guide);
    // A playbook's checklist and board questions are shown once, under the first priority from it.
    const listsUnder = new Map<string, { li: HTMLElement; title: string }>();
    for (const item of chosen) {
      const li = list.querySelector<HTMLElement>(`[data-priority="${CSS.escape(item.priority.id)}"]`)!;
      const first = listsUnder.get(item.priority.playbook);
      li.querySelector<HTMLElement>('[data-playbook-lists]')!.hidden = first !== undefined;
      li.querySelector<HTMLElement>('[data-lists-elsewhere]')!.hidden = first === undefined;
      if (first) {
        const link = li.querySelector<HTMLAnchorElement>('[data-lists-link]')!;
        link.href = `#${first.li.id}`;
        link.textContent = first.title;
      } else listsUnder.set(item.priority.playbook, { li, title: guide.priorityTitle[item.priority.id] });
      const why = [
        ...item.triggeredBy.map((t) => `You answered “${labelOf(guideAnswers, t.answer)}” to “${guide.questionText[t.question]}”`),
        ...item.comesAfter.map((a) => `It comes after “${guide.priorityTitle[a.priority]}”, because ${a.because}`),
      ];
      li.querySelector('[data-why]')!.textContent = why.length > 0
        ? `${why.join('. ')}.`
        : 'Not from your answers: the guide always suggests at least three priorities, and most trusts come to this one in time. Answer more questions for priorities that fit your trust better.';
      li.hidden = false;
      list.append(li);
    }
    this.querySelector('[data-contents]')!.replaceChildren(...chosen.map((item) => {
      const entry = document.createElement('li');
      entry.append(Object.assign(document.createElement('a'), { href: `#priority-${item.priority.id}`, textContent: guide.priorityTitle[item.priority.id] }));
      return entry;
    }));
    form.classList.add('app-no-print');
    this.querySelector<HTMLAnchorElement>('[data-share-link]')!.href = location.href;
    this.querySelector('[data-print]')!.addEventListener('click', () => window.print());
    result.hidden = false;
    // Focus alone would scroll a playbook taller than the screen to its middle: show it from its heading.
    result.focus({ preventScroll: true });
    result.scrollIntoView({ block: 'start' });

    Promise.all([loadMatchData(this.dataset.match!), loadJson<BlueprintTitles>(this.dataset.titles!)])
      .then(([data, titles]) => {
        for (const item of chosen) {
          const li = list.querySelector<HTMLElement>(`[data-priority="${CSS.escape(item.priority.id)}"]`)!;
          const matched = blueprintsFor(item.priority, profile, data.entries).filter((s) => Object.hasOwn(titles, s.entry.id));
          li.querySelector('[data-blueprints]')!.replaceChildren(...matched.map(({ entry, reasons }) => blueprintItem(titles[entry.id], reasons)));
          li.querySelector<HTMLElement>('[data-none]')!.hidden = matched.length > 0;
        }
      })
      .catch(() => {
        for (const li of list.querySelectorAll('[data-blueprints]')) li.textContent = 'Blueprints could not be loaded: reload the page to try again.';
      });
  }
}

/** One matched blueprint, as the site's other lists show it; every value is set as text. */
function blueprintItem([href, title, type, publisher, cost, illustrative, funding]: BlueprintTitles[string], reasons: string[]): HTMLLIElement {
  const li = document.createElement('li');
  const tag = typeTag(type);
  const link = document.createElement('a');
  link.href = href;
  link.textContent = title;
  const detail = document.createElement('span');
  detail.className = 'nhsuk-body-s';
  detail.textContent = ` (${[publisher, `cost ${inSentence(cost)}`, ...paidBy(funding)].join('; ')})${reasons.length > 0 ? ` Why: ${reasons.join(' · ')}` : ''}`;
  li.append(tag, ' ', ...(illustrative ? [illustrativeTag(), ' '] : []), link, detail);
  return li;
}

customElements.define('app-my-trust', MyTrust);
customElements.define('app-where-to-start', WhereToStartGuide);
