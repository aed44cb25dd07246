/**
 * Where each issue form lives in the repository (`npm run generate:issue-form` writes them; GitHub
 * knows a form by its file's name). No imports, so the drafting form in the browser can name its
 * form without loading the forms' definitions (./issue-form.ts).
 */
export const issueFormFile = '.github/ISSUE_TEMPLATE/propose-blueprint.yml';
export const adoptionFormFile = '.github/ISSUE_TEMPLATE/we-are-using-this.yml';
export const feedbackFormFile = '.github/ISSUE_TEMPLATE/feedback.yml';
