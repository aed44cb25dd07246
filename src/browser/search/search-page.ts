/**
 * <app-search>: the search page's behaviour, as a small custom element around server-rendered
 * NHS.UK form controls. It keeps the page's address in step with the search (so back, forward
 * and shared links work), loads Pagefind on the first search, and announces each result count
 * in a polite live region. Focus stays where the reader is typing or ticking; it moves only when
 * they ask for more results, to the first new one.
 */
import type { SortOrders } from '../../lib/search/sort-orders';
import { loadPagefind, type Pagefind, type PagefindResult } from '../pagefind';
import { countFilters, runSearch, type Outcome, type Vocabulary } from './engine';
import { synonymLookup } from '../../lib/search/synonym-tokens';
import { resultItem, statusText } from './render';
import { hasFilters, isEmpty, readState, writeState, type SearchState } from './state';

/**
 * Results shown at first, and added by each "Show more results". Each result downloads its page's
 * Pagefind fragment (the page's whole text, about 3.5 KiB gzipped, for the excerpt), so the first
 * screen shows five: ten would be a fifth of the first search's bytes.
 */
const firstPage = 5;
const pageSize = 10;
const typingPause = 300;
/** NHS.UK frontend's breakpoint below "tablet" (641 px), where the filter column sits above the results. */
const smallScreen = '(max-width: 640px)';

class AppSearch extends HTMLElement {
  #pagefind?: Promise<Pagefind>;
  #sortOrders?: Promise<SortOrders>;
  #filtersLoaded?: Promise<void>;
  /** The search on screen, so counts can be filled in when the filters finish loading. */
  #last?: { state: SearchState; outcome: Outcome };
  #vocabulary: Vocabulary = { corrections: {}, synonyms: synonymLookup([]) };
  #filterNames: string[] = [];
  #run = 0;
  #results: PagefindResult[] = [];
  #shown = 0;
  #typing?: ReturnType<typeof setTimeout>;
  /** The counts the page was built with (everything on the site), shown again when the search is cleared. */
  #totals = new Map<Element, string>();

  connectedCallback() {
    const vocabulary = JSON.parse(this.querySelector('[data-search-vocabulary]')?.textContent || '{}');
    this.#vocabulary = { corrections: vocabulary.corrections ?? {}, synonyms: synonymLookup(vocabulary.synonyms ?? []) };
    this.#filterNames = [...this.querySelectorAll<HTMLElement>('[data-filter]')].map((f) => f.dataset.filter!);
    for (const count of this.querySelectorAll('[data-count]')) this.#totals.set(count, count.textContent ?? '');
    this.#part('[data-search-controls]').hidden = false;
    this.#part('[data-search-unavailable]').hidden = true;
    // On a phone the open filter groups put the first result a screen or more down: start them all
    // closed there (a ticked one opens again in #restore). They are native <details>, so a tap opens one.
    if (matchMedia(smallScreen).matches) for (const details of this.querySelectorAll<HTMLDetailsElement>('details[data-filter]')) details.open = false;

    this.#form.addEventListener('submit', (e) => {
      e.preventDefault();
      clearTimeout(this.#typing);
      this.#commit();
    });
    this.#query.addEventListener('input', () => {
      clearTimeout(this.#typing);
      this.#typing = setTimeout(() => this.#commit({ replace: true }), typingPause);
    });
    this.addEventListener('change', (e) => {
      if ((e.target as HTMLElement).matches('input[type=checkbox], select')) this.#commit();
    });
    this.#part('[data-search-clear]').addEventListener('click', () => {
      for (const box of this.#checkboxes) box.checked = false;
      this.#commit();
    });
    const controls = this.#part('[data-search-controls]');
    const startFiltering = () => {
      if (this.#filtersLoaded || !this.#last) return;
      void this.#loadFilters().then(() => this.#refreshCounts());
    };
    for (const type of ['focusin', 'pointerenter', 'pointerdown']) controls.addEventListener(type, startFiltering);
    this.#part('[data-search-more]').addEventListener('click', async () => {
      // Keyboard users land on the first new result rather than wherever the button was.
      const first = await this.#showMore();
      first?.querySelector('a')?.focus();
    });
    window.addEventListener('popstate', () => this.#restore());
    this.#restore();
  }

  #part<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }
  get #form() {
    return this.#part<HTMLFormElement>('form');
  }
  get #query() {
    return this.#part<HTMLInputElement>('input[name=q]');
  }
  get #sort() {
    return this.#part<HTMLSelectElement>('select[name=sort]');
  }
  get #checkboxes() {
    return [...this.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  }

  /** The state the controls show. */
  #controlsState(): SearchState {
    const params = new URLSearchParams();
    params.set('q', this.#query.value);
    params.set('sort', this.#sort.value);
    for (const box of this.#checkboxes) if (box.checked) params.append(box.name, box.value);
    return readState(params, this.#filterNames);
  }

  /** Sets the controls from the address, then searches: on load and on back/forward. */
  #restore() {
    const state = readState(new URLSearchParams(location.search), this.#filterNames);
    this.#query.value = state.q;
    this.#sort.value = state.sort;
    for (const box of this.#checkboxes) box.checked = state.filters[box.name]?.includes(box.value) ?? false;
    for (const details of this.querySelectorAll<HTMLDetailsElement>('details[data-filter]')) {
      if (state.filters[details.dataset.filter!]?.length) details.open = true;
    }
    void this.#search(state);
  }

  /** Records the controls' state in the address (a new history entry, or in place while typing) and searches. */
  #commit({ replace = false } = {}) {
    const state = this.#controlsState();
    const address = `${location.pathname}${writeState(state)}`;
    if (address !== `${location.pathname}${location.search}`) {
      if (replace) history.replaceState(null, '', address);
      else history.pushState(null, '', address);
    }
    void this.#search(state);
  }

  #load(): Promise<Pagefind> {
    // No worker: one file less to download, and searching a few thousand pages is quick anyway.
    this.#pagefind ??= loadPagefind(this.dataset.pagefind!, this.dataset.base ?? '/', { excerptLength: 24, noWorker: true });
    return this.#pagefind;
  }

  /** The sorts' page orders, fetched the first time a reader sorts (the build writes them beside Pagefind's files). */
  #loadSortOrders = (): Promise<SortOrders> => {
    this.#sortOrders ??= (async () => {
      // Like Pagefind's own entry file, asked for afresh on each visit, so it always matches the index just loaded.
      const address = new URL(`sort-orders.json?ts=${Date.now()}`, new URL(this.dataset.pagefind!, location.href));
      const response = await fetch(address);
      if (!response.ok) throw new Error(`Could not load the search's sort orders from ${address.pathname}: HTTP ${response.status}`);
      return (await response.json()) as SortOrders;
    })();
    this.#sortOrders.catch(() => (this.#sortOrders = undefined)); // try again on the next sort
    return this.#sortOrders;
  };

  /**
   * Pagefind counts only the filters it has loaded, and loading them all costs about as much as
   * the search itself. So they load when the reader starts filtering (or arrives with filters
   * ticked); until then a keyword search shows no counts rather than out-of-date ones.
   */
  #loadFilters(): Promise<void> {
    this.#filtersLoaded ??= this.#load().then(async (pagefind) => {
      await pagefind.filters();
    });
    return this.#filtersLoaded;
  }

  async #refreshCounts() {
    const shown = this.#last;
    if (!shown) return;
    const counts = await countFilters(await this.#load(), shown.state, shown.outcome);
    if (shown === this.#last) this.#updateCounts(counts);
  }

  async #search(state: SearchState) {
    const run = ++this.#run;
    const list = this.#part('[data-search-results]');
    const status = this.#part('[data-search-status]');
    if (isEmpty(state)) {
      list.replaceChildren();
      this.#part('[data-search-more]').hidden = true;
      this.#part('[data-search-none]').hidden = true;
      status.textContent = '';
      this.#last = undefined;
      for (const [count, text] of this.#totals) count.textContent = text;
      return;
    }
    list.setAttribute('aria-busy', 'true');
    try {
      const pagefind = await this.#load();
      if (hasFilters(state)) await this.#loadFilters();
      const outcome = await runSearch(pagefind, state, this.#vocabulary, this.#loadSortOrders);
      if (run !== this.#run) return; // a newer search has started
      this.#results = outcome.results;
      this.#shown = 0;
      this.#last = { state, outcome };
      list.replaceChildren();
      await this.#showMore();
      if (run !== this.#run) return;
      this.#updateCounts(await countFilters(pagefind, state, outcome));
      if (run !== this.#run) return;
      status.textContent = statusText(outcome.results.length, { query: outcome.searched, mode: outcome.mode, corrected: outcome.corrected, original: state.q });
      this.#part('[data-search-none]').hidden = outcome.results.length > 0;
    } catch (error) {
      if (run !== this.#run) return;
      console.error(error);
      list.replaceChildren();
      this.#part('[data-search-none]').hidden = true;
      status.textContent = 'Search is not working at the moment. You can still browse blueprints and playbooks from the lists below.';
      this.#part('[data-search-unavailable]').hidden = false;
    } finally {
      if (run === this.#run) list.setAttribute('aria-busy', 'false');
    }
  }

  /** Adds the next page of results (only their data is downloaded) and returns the first one added. */
  async #showMore(): Promise<HTMLLIElement | undefined> {
    const next = this.#results.slice(this.#shown, this.#shown + (this.#shown === 0 ? firstPage : pageSize));
    const run = this.#run;
    const data = await Promise.all(next.map((r) => r.data()));
    if (run !== this.#run) return undefined;
    const items = data.map((d) => resultItem(d, { summary: this.#last?.outcome.mode === 'browse', names: this.#last?.outcome.names }));
    this.#part('[data-search-results]').append(...items);
    this.#shown += next.length;
    this.#part('[data-search-more]').hidden = this.#shown >= this.#results.length;
    return items[0];
  }

  #updateCounts(counts: Record<string, Record<string, number>> | undefined) {
    for (const box of this.#checkboxes) {
      const count = box.labels?.[0]?.querySelector('[data-count]');
      if (!count) continue;
      const n = counts?.[box.name]?.[box.value];
      count.textContent = n === undefined ? '' : `(${n})`;
    }
  }
}

customElements.define('app-search', AppSearch);
