/**
 * Walks a page with the Tab key as a keyboard user would, recording each stop, whether its focus
 * is visible (its computed outline or box-shadow differs from when it is not focused), and which
 * controls on the page were never reached. Controls are marked with data-qa-id for the walk.
 */
import type { Page } from 'playwright-core';

export interface Control {
  id: string;
  /** e.g. `a "Blueprints" href=/blueprints/` */
  description: string;
  tag: string;
  /** The element's role when it has one, else an input's type. */
  type: string;
  /** Interactive controls are operated with keys; a focusable scroll region is only reached. */
  interactive: boolean;
  /** outline and box-shadow when not focused. */
  style: string;
}

export interface Stop {
  id: string | null;
  description: string;
  /** outline and box-shadow while focused. */
  style: string;
}

export interface Walk {
  controls: Control[];
  stops: Stop[];
  /** Controls a reader can see (or that show on focus) which Tab never reached. */
  unreached: Control[];
  /** Stops whose focused style is the same as their unfocused style. */
  invisibleFocus: Stop[];
}

/** The style of an element with neither outline nor box-shadow. */
const noIndicator = 'outline: none; box-shadow: none';

/** Marks every control that should be reachable by Tab and records its unfocused style. */
export async function markControls(page: Page): Promise<Control[]> {
  return page.evaluate(() => {
    const selector = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [contenteditable=""], [contenteditable="true"], [tabindex]';
    const focusStyle = (el: Element) => {
      const s = getComputedStyle(el);
      const noOutline = s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 || s.outlineColor === 'rgba(0, 0, 0, 0)';
      return `outline: ${noOutline ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`}; box-shadow: ${s.boxShadow}`;
    };
    // Start the walk from the top, wherever focus was (e.g. in the search box after a search):
    // focusing <body> moves the browser's sequential focus starting point there.
    (document.activeElement as HTMLElement | null)?.blur();
    const tabindex = document.body.getAttribute('tabindex');
    document.body.tabIndex = -1;
    document.body.focus();
    if (tabindex === null) document.body.removeAttribute('tabindex');
    else document.body.setAttribute('tabindex', tabindex);
    const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      if (el.getAttribute('tabindex') === '-1' || (el as HTMLButtonElement).disabled || el.closest('[inert]')) return false;
      if (el.tagName === 'SUMMARY' && el.parentElement?.querySelector(':scope > summary') !== el) return false;
      // Visually hidden controls that appear on focus (the skip link) count; display:none ones do not.
      return el.checkVisibility({ visibilityProperty: true });
    });
    return controls.map((el, i) => {
      const id = String(i);
      el.dataset.qaId = id;
      const text = (el.innerText || el.getAttribute('aria-label') || (el as HTMLInputElement).name || '').replace(/\s+/g, ' ').trim().slice(0, 50);
      const href = el.getAttribute('href');
      const role = el.getAttribute('role');
      const interactive = !(el.hasAttribute('tabindex') && !el.matches('a[href], button, input, select, textarea, summary') && (!role || role === 'region' || role === 'group'));
      return {
        id,
        description: `${el.tagName.toLowerCase()} "${text}"${href ? ` href=${href}` : ''}`,
        tag: el.tagName.toLowerCase(),
        type: role || (el.tagName === 'INPUT' ? (el as HTMLInputElement).type : ''),
        interactive,
        style: focusStyle(el),
      };
    });
  });
}

/** The element that has focus now. */
export async function focused(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { id: null, description: 'the page itself', style: '' };
    const s = getComputedStyle(el);
    const noOutline = s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 || s.outlineColor === 'rgba(0, 0, 0, 0)';
    const text = (el.innerText || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 50);
    return {
      id: el.dataset.qaId ?? null,
      description: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${text}"`,
      style: `outline: ${noOutline ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`}; box-shadow: ${s.boxShadow}`,
    };
  });
}

/**
 * Presses Tab from the top of the page until focus comes back round to a stop already seen or
 * leaves the page, at most a bounded number of times.
 */
export async function walkWithTab(page: Page, onStop?: (stop: Stop, control: Control | undefined) => Promise<void>): Promise<Walk> {
  const controls = await markControls(page);
  const byId = new Map(controls.map((c) => [c.id, c]));
  const stops: Stop[] = [];
  const seen = new Set<string>();
  const limit = controls.length * 2 + 10;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (stop.id === null && stop.description === 'the page itself') {
      if (stops.length) break; // focus left the page after the last control
      continue;
    }
    const key = stop.id ?? stop.description;
    if (seen.has(key)) break;
    seen.add(key);
    stops.push(stop);
    await onStop?.(stop, stop.id === null ? undefined : byId.get(stop.id));
  }
  const unreached = controls.filter((c) => !seen.has(c.id));
  const invisibleFocus = stops.filter((s) => s.style === noIndicator || (s.id !== null && byId.get(s.id)?.style === s.style));
  return { controls, stops, unreached, invisibleFocus };
}

/**
 * Records clicks and form submissions and cancels them, so pressing Enter on a link proves the
 * link would be followed without leaving the page. The probing events are stopped before the
 * page's own scripts see them (listeners on window, capture phase, run first), so probing a
 * "Show more" or "Clear filters" button, or typing in the search box, does not rebuild the page
 * under the walk.
 */
export async function catchActivations(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { qaActivated: string[] };
    w.qaActivated = [];
    const record = (event: Event) => {
      const target = (event.target as HTMLElement).closest<HTMLElement>('[data-qa-id]');
      w.qaActivated.push(`${event.type}:${target?.dataset.qaId ?? '?'}`);
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    const silence = (event: Event) => event.stopImmediatePropagation();
    window.addEventListener('click', record, true);
    window.addEventListener('submit', record, true);
    window.addEventListener('input', silence, true);
    window.addEventListener('change', silence, true);
  });
}

export async function activations(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as { qaActivated: string[] };
    return w.qaActivated.splice(0);
  });
}

/**
 * Operates the focused control with the keys a keyboard user would and says what did not respond:
 * Enter follows a link, Enter and Space press a button, Space ticks a box, Enter and Space open a
 * summary, typing fills a text field, arrow keys change a select.
 */
export async function operate(page: Page, control: Control): Promise<string | undefined> {
  // catchActivations() started an empty record, and every check below empties it again.
  const clickedBy = async (key: string) => {
    await page.keyboard.press(key);
    return (await activations(page)).includes(`click:${control.id}`);
  };
  const { tag, type } = control;
  const textTypes = ['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'textbox', 'searchbox'];
  if (tag === 'a' || tag === 'area' || type === 'link') return (await clickedBy('Enter')) ? undefined : 'Enter did not follow the link';
  if (tag === 'summary') return (await clickedBy('Enter')) && (await clickedBy('Space')) ? undefined : 'Enter or Space did not open it';
  if (['checkbox', 'radio', 'switch'].includes(type)) return (await clickedBy('Space')) ? undefined : 'Space did not tick it';
  if (tag === 'select') {
    const index = await page.evaluate(() => {
      const el = document.activeElement as HTMLSelectElement;
      return el.options.length < 2 ? null : el.selectedIndex;
    });
    if (index === null) return undefined;
    await page.keyboard.press(index === 0 ? 'ArrowDown' : 'ArrowUp');
    const now = await page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedIndex);
    await page.keyboard.press(index === 0 ? 'ArrowUp' : 'ArrowDown');
    return now !== index ? undefined : 'arrow keys did not change the choice';
  }
  if (tag === 'textarea' || (tag === 'input' && textTypes.includes(type)) || type === 'textbox' || type === 'searchbox') {
    const value = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement & { value?: string };
      return el.value ?? el.textContent;
    });
    if (await page.evaluate(() => (document.activeElement as HTMLInputElement).readOnly === true)) return undefined;
    const before = await value();
    await page.keyboard.type('7');
    const after = await value();
    await page.keyboard.press('Backspace');
    return after !== before ? undefined : 'typing did not change it';
  }
  if (tag === 'input' && !['button', 'submit', 'reset', 'image'].includes(type)) return undefined; // date, range, colour: browser-native
  // Buttons, and any other role (tab, menuitem…): Enter and Space both press it.
  if (!(await clickedBy('Enter'))) return 'Enter did not press it';
  return (await clickedBy('Space')) ? undefined : 'Space did not press it';
}
