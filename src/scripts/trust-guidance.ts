/**
 * Browser code for /my-trust/ and /where-to-start/: two small custom elements around the pure
 * matching in src/lib/match. The trust profile lives only in this browser (localStorage) and in
 * the page address; the address is untrusted input, read through parseProfile and parseAnswers,
 * and everything shown is either copied from the page's own markup or set as text, never as HTML.
 */
import { blueprintsFor, decodeMatchData, parseAnswers, parseProfile, prioritiesFor, profileFromOrganisation, profileToParams, rankEntries, similarOrganisations } from '../lib/match';
import type { Answers, CompactMatchData, MatchData, TrustProfile } from '../lib/match';
import type { WhereToStart } from '../lib/schema/where-to-start';

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

async function loadMatchData(address: string): Promise<MatchData> {
  const response = await fetch(address);
  if (!response.ok) throw new Error(`${address} answered ${response.status}`);
  return decodeMatchData((await response.json()) as CompactMatchData);
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

function profileValues(profile: TrustProfile): Record<string, string | undefined> {
  return { setting: profile.setting, supplier: profile.supplier, epr: profile.epr, maturity: profile.maturity, region: profile.region, programme: profile.programme };
}

const hasProfileIn = (params: URLSearchParams) => profileToParams(parseProfile(params)).length > 0;

class MyTrust extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form')!;
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    this.querySelectorAll<HTMLElement>('[data-needs-script], [data-clear]').forEach((el) => (el.hidden = false));
    this.querySelector<HTMLElement>('[data-no-script-note]')!.hidden = true;

    const params = new URLSearchParams(location.search);
    const profile = hasProfileIn(params) ? parseProfile(params) : savedProfile();
    saveProfile(profile);
    fillForm(form, profileValues(profile));
    const query = new URLSearchParams(profileToParams(profile)).toString();
    if (query && location.search !== `?${query}`) history.replaceState(null, '', `${location.pathname}?${query}`);

    this.querySelector('[data-clear]')!.addEventListener('click', () => {
      saveProfile({});
      location.assign(location.pathname);
    });

    loadMatchData(this.dataset.match!)
      .then((data) => {
        const select = this.querySelector<HTMLSelectElement>('#trust-org')!;
        select.addEventListener('change', () => {
          const org = data.organisations.find((o) => o.id === select.value);
          if (org) fillForm(form, profileValues(profileFromOrganisation(org)));
        });
        this.show(profile, data, status);
      })
      .catch(() => {
        status.textContent = 'The list could not be put in order for your trust, so it is in the usual order. Reload the page to try again.';
      });
  }

  show(profile: TrustProfile, data: MatchData, status: HTMLElement) {
    if (profileToParams(profile).length === 0) {
      status.textContent = 'Answer the questions above to put this list in order for your trust.';
      return;
    }
    const items = new Map([...this.querySelectorAll<HTMLElement>('[data-match-id]')].map((li) => [li.dataset.matchId!, li]));
    const closer = this.querySelector<HTMLOListElement>('[data-closer]')!;
    const rest = this.querySelector<HTMLOListElement>('[data-rest]')!;
    let close = 0;
    for (const { entry, score, reasons } of rankEntries(profile, data.entries)) {
      const li = items.get(entry.id);
      if (!li) continue;
      const why = li.querySelector<HTMLElement>('[data-reasons]')!;
      why.textContent = reasons.length > 0 ? `Why: ${reasons.join(' · ')}` : '';
      why.hidden = reasons.length === 0;
      (score > 0 ? closer : rest).append(li);
      if (score > 0) close += 1;
    }
    this.querySelector<HTMLElement>('[data-closer-section]')!.hidden = close === 0;
    this.querySelector('[data-rest-heading]')!.textContent = close > 0 ? 'Everything else' : 'All guidance';
    status.textContent = `${close} of ${items.size} are close to your trust, closest first, with the reasons. The rest follow.`;

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

class WhereToStartGuide extends HTMLElement {
  connectedCallback() {
    const guide = JSON.parse(this.querySelector('[data-guide]')!.textContent!) as Pick<WhereToStart, 'questions' | 'priorities'> & {
      questionText: Record<string, string>;
      priorityTitle: Record<string, string>;
    };
    const form = this.querySelector('form')!;
    this.querySelector<HTMLElement>('[data-no-script]')!.hidden = true;
    const params = new URLSearchParams(location.search);
    const answers = parseAnswers(params, guide.questions);
    const profile = hasProfileIn(params) ? parseProfile(params) : savedProfile();
    if (hasProfileIn(params)) saveProfile(profile);
    fillForm(form, { ...profileValues(profile), ...answers });
    form.addEventListener('submit', (event) => {
      // A form with no answer would only reload the questions: say so instead, as NHS.UK forms do.
      const data = new FormData(form);
      const given = parseAnswers({ get: (name) => (typeof data.get(name) === 'string' ? (data.get(name) as string) : null) }, guide.questions);
      if (Object.keys(given).length > 0) return;
      event.preventDefault();
      const summary = this.querySelector<HTMLElement>('[data-error-summary]')!;
      summary.hidden = false;
      summary.focus();
    });
    if (Object.keys(answers).length === 0) return;
    this.showPlaybook(guide, answers, profile, form);
  }

  showPlaybook(guide: Pick<WhereToStart, 'priorities'> & { questionText: Record<string, string>; priorityTitle: Record<string, string> }, answers: Answers, profile: TrustProfile, form: HTMLFormElement) {
    const result = this.querySelector<HTMLElement>('[data-result]')!;
    const list = this.querySelector<HTMLOListElement>('[data-priorities]')!;
    const chosen = prioritiesFor(answers, guide);
    const answerText = { yes: 'Yes', no: 'No', unsure: 'Not sure' } as const;
    for (const item of chosen) {
      const li = list.querySelector<HTMLElement>(`[data-priority="${CSS.escape(item.priority.id)}"]`)!;
      const why = [
        ...item.triggeredBy.map((t) => `You answered “${answerText[t.answer]}” to “${guide.questionText[t.question]}”`),
        ...item.comesAfter.map((a) => `It comes after “${guide.priorityTitle[a.priority]}”, because ${a.because}`),
      ];
      li.querySelector('[data-why]')!.textContent = why.length > 0 ? why.join('. ') : 'Suggested as a next step for a trust that has the basics in place';
      li.hidden = false;
      list.append(li);
    }
    form.classList.add('app-no-print');
    this.querySelector<HTMLAnchorElement>('[data-share-link]')!.href = location.href;
    this.querySelector('[data-print]')!.addEventListener('click', () => window.print());
    result.hidden = false;
    result.focus();

    loadMatchData(this.dataset.match!)
      .then((data) => {
        const index = new Map([...this.querySelectorAll<HTMLElement>('[data-blueprint-index] [data-match-id]')].map((li) => [li.dataset.matchId!, li]));
        for (const item of chosen) {
          const li = list.querySelector<HTMLElement>(`[data-priority="${CSS.escape(item.priority.id)}"]`)!;
          const matched = blueprintsFor(item.priority, profile, data.entries).filter((s) => index.has(s.entry.id));
          li.querySelector('[data-blueprints]')!.replaceChildren(
            ...matched.map(({ entry, reasons }) => {
              const copy = index.get(entry.id)!.cloneNode(true) as HTMLElement;
              copy.querySelector('[data-reasons]')!.textContent = reasons.length > 0 ? ` Why: ${reasons.join(' · ')}` : '';
              return copy;
            }),
          );
          li.querySelector<HTMLElement>('[data-none]')!.hidden = matched.length > 0;
        }
      })
      .catch(() => {
        for (const li of list.querySelectorAll('[data-blueprints]')) li.textContent = 'Blueprints could not be loaded: reload the page to try again.';
      });
  }
}

customElements.define('app-my-trust', MyTrust);
customElements.define('app-where-to-start', WhereToStartGuide);
