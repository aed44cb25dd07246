/**
 * The page's title, as GOV.UK and NHS.UK ask: "Error: " before it while the page shows an error
 * summary, so a screen reader user hears at once that something needs fixing.
 * https://design-system.service.gov.uk/patterns/validation/#how-to-tell-the-user-about-validation-errors
 */
const errorPrefix = 'Error: ';

/** `title` with "Error: " before it when there are errors. */
export function titled(title: string, hasErrors: boolean): string {
  return `${hasErrors ? errorPrefix : ''}${title}`;
}

/** The page's title without "Error: ". */
export function plainTitle(): string {
  return document.title.startsWith(errorPrefix) ? document.title.slice(errorPrefix.length) : document.title;
}

/**
 * Puts "Error: " before the page's title while any error summary on it shows, and takes it away
 * once none does: for a page whose summaries are filled by more than one element (a question
 * form's own and its send step's).
 */
export function markErrorsInTitle(): void {
  const shown = [...document.querySelectorAll<HTMLElement>('.nhsuk-error-summary')].some((summary) => !summary.closest('[hidden]'));
  document.title = titled(plainTitle(), shown);
}
