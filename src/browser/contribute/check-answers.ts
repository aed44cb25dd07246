/**
 * Fills "Check your answers" (https://service-manual.nhs.uk/design-system/components/summary-list):
 * one row per question the author was shown, its label as asked, the answer in words, and a
 * "Change" link back to that question whose hidden text names it for screen readers.
 */
import type { DraftValues } from '../../lib/contribute/answers';
import { answerRows, stepOfQuestion } from '../../lib/contribute/steps';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (string | Node)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  el.append(...children);
  return el;
}

export function showAnswers(list: HTMLElement, values: DraftValues, organisationName: (slug: string) => string | undefined): void {
  const rows = answerRows(values, organisationName).map(({ question, lines }) => {
    let value: string | Node = 'Not answered';
    if (lines.length === 1) value = lines[0];
    else if (lines.length > 1) value = element('ul', 'app-answer-lines', ...lines.map((line) => element('li', '', line)));
    const change = element('a', '', 'Change', element('span', 'nhsuk-u-visually-hidden', ` ${question.label}`));
    change.href = `#step-${stepOfQuestion(question.id)?.id ?? ''}`;
    change.dataset.change = question.id;
    return element(
      'div',
      'nhsuk-summary-list__row',
      element('dt', 'nhsuk-summary-list__key', question.label),
      element('dd', 'nhsuk-summary-list__value', value),
      element('dd', 'nhsuk-summary-list__actions', change),
    );
  });
  list.replaceChildren(...rows);
}
