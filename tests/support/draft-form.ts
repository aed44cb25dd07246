/**
 * Driving the drafting form on /contribute/ in a browser, for the tests that need a complete
 * draft on the page without typing every answer.
 */
import type { Page } from 'playwright-core';
import type { DraftValues } from '../../src/lib/contribute/draft';

/** Answers every question given in one step, firing the events typing would. */
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
