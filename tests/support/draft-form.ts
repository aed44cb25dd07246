/**
 * Driving the drafting form on /contribute/ in a browser, for the tests that need a complete
 * draft on the page without typing every answer, or need to be on one of its steps.
 */
import type { Page } from 'playwright-core';
import type { DraftValues } from '../../src/lib/contribute/answers';

/** Answers every question given in one step, firing the events typing would. Works on every step, shown or not. */
export async function fillQuickly(page: Page, values: DraftValues): Promise<void> {
  await page.locator('form.app-draft-form').evaluate((form, values) => {
    for (const [name, value] of Object.entries(values)) {
      const controls = [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name="${name}"]`)];
      for (const control of controls) {
        if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) {
          control.checked = Array.isArray(value) ? value.includes(control.value) : value === control.value;
        } else control.value = String(value ?? '');
        control.dispatchEvent(new Event('input', { bubbles: true }));
        control.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }
  }, values);
}

/**
 * Goes to a step by its address (`#step-<id>`), as the browser's history would, and waits for it.
 * Check your answers and send show only for a draft that passes: `expect` says which step shows.
 */
export async function goToStep(page: Page, id: string, expect: string = id): Promise<void> {
  await page.evaluate((id) => {
    location.hash = `#step-${id}`;
  }, id);
  await page.locator(`#step-${expect}`).waitFor({ state: 'visible' });
}

/** The step on show, by its id. */
export async function currentStep(page: Page): Promise<string | undefined> {
  return page.locator('draft-form [data-step]:not([hidden])').evaluateAll((sections) =>
    sections.filter((s) => !s.closest('[hidden]')).map((s) => (s as HTMLElement).dataset.step!)[0],
  );
}
