/**
 * The maintainers' review checklist. One list feeds every pull request body the tools open and
 * .github/PULL_REQUEST_TEMPLATE.md (a unit test checks the template carries every item).
 */
export const reviewChecklist: readonly string[] = [
  'The title says what was done, in sentence case (not "An initiative to…")',
  'The summary lets a reader decide whether to read on: what, where, result',
  'The key questions are ones another organisation would ask',
  'Cost band and outcome evidence are honest, and the body explains them',
  '"What went wrong" is specific: what did not work, what it cost, and at least one thing a reader can avoid (required for a redprint; the checks only count its words and look for advice, so read it)',
  'No patient-identifiable information, and no personal details beyond the agreed contact',
  'The organisation agrees to publish under the Open Government Licence v3.0',
  'Links point to public pages, not intranets or sign-in pages',
  'The owner and contact are right, and the owner knows reviews come round every 12 months',
  'Checks pass: content validation, build and tests',
];

/** What a maintainer checks in a pull request that only adds or updates adoption records. */
export const adoptionChecklist: readonly string[] = [
  'Someone from the adopting organisation sent this, or the organisation has confirmed it',
  'The stage and month are plausible: not before the blueprint was published',
  'The outcome names no patient and no member of staff',
  'A contact appears only with contactOptIn: true, and is a shared team address, not a person’s',
  'Checks pass: content validation, build and tests',
];

export function checklistMarkdown(items: readonly string[] = reviewChecklist): string {
  return items.map((item) => `- [ ] ${item}`).join('\n');
}
