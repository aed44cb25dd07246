/**
 * Shows problems the NHS.UK way: a message inside the field's form group, which turns red, and
 * an error summary at the top of the form that links to each field.
 * https://service-manual.nhs.uk/design-system/components/error-summary
 */
import type { FieldError } from '../../lib/contribute/draft-check';

const errorClass: Record<string, string> = {
  INPUT: 'nhsuk-input--error',
  TEXTAREA: 'nhsuk-textarea--error',
  SELECT: 'nhsuk-select--error',
};

function describedBy(element: Element, id: string, add: boolean): void {
  const ids = new Set((element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
  if (add) ids.add(id);
  else ids.delete(id);
  if (ids.size) element.setAttribute('aria-describedby', [...ids].join(' '));
  else element.removeAttribute('aria-describedby');
}

/** Shows `message` beside the field, or removes its error when `message` is undefined. */
export function showFieldError(form: HTMLFormElement, id: string, message: string | undefined): void {
  const group = form.querySelector<HTMLElement>(`[data-field="${id}"]`);
  if (!group) return;
  const errorId = `draft-${id}-error`;
  const fieldset = group.querySelector('fieldset');
  const control = fieldset ? undefined : group.querySelector('input, textarea, select');
  const owner = fieldset ?? control;
  let error = group.querySelector<HTMLElement>('.nhsuk-error-message');

  group.classList.toggle('nhsuk-form-group--error', message !== undefined);
  if (control) control.classList.toggle(errorClass[control.tagName], message !== undefined);
  if (owner) describedBy(owner, errorId, message !== undefined);

  if (message === undefined) {
    error?.remove();
    return;
  }
  if (!error) {
    error = document.createElement('span');
    error.className = 'nhsuk-error-message';
    error.id = errorId;
    // After the hint, or the label or legend when there is none: where NHS.UK puts it.
    const container = fieldset ?? group;
    const anchor = container.querySelector(':scope > .nhsuk-hint') ?? container.querySelector(':scope > label, :scope > legend');
    if (anchor) anchor.after(error);
    else container.prepend(error);
  }
  const hidden = document.createElement('span');
  hidden.className = 'nhsuk-u-visually-hidden';
  hidden.textContent = 'Error: ';
  error.replaceChildren(hidden, message);
}

/** Fills the error summary; hides it when there is nothing to show. */
export function showSummary(form: HTMLFormElement, errors: readonly FieldError[]): HTMLElement | undefined {
  const summary = form.querySelector<HTMLElement>('[data-error-summary]');
  const list = summary?.querySelector('[data-error-list]');
  if (!summary || !list) return undefined;
  list.replaceChildren(
    ...errors.map(({ id, message }) => {
      const item = document.createElement('li');
      if (id && form.querySelector(`[data-field="${id}"]`)) {
        const link = document.createElement('a');
        link.href = `#draft-${id}`;
        link.dataset.target = id;
        link.textContent = message;
        item.append(link);
      } else item.textContent = message;
      return item;
    }),
  );
  summary.hidden = errors.length === 0;
  return summary;
}

/** Moves to a field from the summary: scrolls its question into view and focuses its control. */
export function goToField(form: HTMLFormElement, id: string): void {
  const group = form.querySelector<HTMLElement>(`[data-field="${id}"]`);
  const control = document.getElementById(`draft-${id}`);
  if (!group || !control) return;
  (group.querySelector('legend, label') ?? group).scrollIntoView({ block: 'start' });
  control.focus({ preventScroll: true });
}
