/** Reads a form of questions (the drafting form's, unless given) into DraftValues and writes DraftValues back, by field id. */
import { wellFormed, type DraftValues } from '../../lib/contribute/answers';
import { controlOf, questions, type Question } from '../../lib/contribute/questions';

function controls(form: HTMLFormElement, id: string): (HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement)[] {
  return [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name="${id}"]`)];
}

export function readValues(form: HTMLFormElement, asked: readonly Question[] = questions): DraftValues {
  const values: DraftValues = {};
  for (const field of asked) {
    const found = controls(form, field.id);
    if (controlOf(field) === 'checkboxes') {
      values[field.id] = found.filter((c) => (c as HTMLInputElement).checked).map((c) => c.value);
    } else if (controlOf(field) === 'radios') {
      values[field.id] = found.find((c) => (c as HTMLInputElement).checked)?.value ?? '';
    } else {
      values[field.id] = wellFormed(found[0]?.value ?? '');
    }
  }
  return values;
}

/** Puts saved values back. Values that no longer match an option (a renamed term) are skipped. */
export function writeValues(form: HTMLFormElement, values: DraftValues, asked: readonly Question[] = questions): void {
  for (const field of asked) {
    const value = values[field.id];
    if (value === undefined) continue;
    const found = controls(form, field.id);
    if (controlOf(field) === 'checkboxes' || controlOf(field) === 'radios') {
      const chosen = new Set(Array.isArray(value) ? value : [value]);
      for (const c of found) (c as HTMLInputElement).checked = chosen.has(c.value);
    } else if (found[0] && typeof value === 'string') {
      const control = found[0];
      if (control instanceof HTMLSelectElement && ![...control.options].some((o) => o.value === value)) continue;
      control.value = value;
    }
  }
}

/** The field id of the form group a control sits in. */
export function fieldIdOf(element: Element | null): string | undefined {
  return element?.closest<HTMLElement>('[data-field]')?.dataset.field;
}
