/**
 * A problem found in a content file, and the two ways it is printed: for people and for
 * GitHub Actions annotations.
 */
export interface Problem {
  /** Path of the file, relative to the repository root. */
  file: string;
  line: number;
  column: number;
  /** The front-matter field (e.g. "outcome.headline") or the rule name (e.g. "mdx-safety"). */
  field: string;
  /** What is wrong — and how to fix it. */
  message: string;
}

/**
 * A problem on one line of a log. What it quotes of a contribution (a file's name, a value) has its
 * line breaks and other control characters written as \u escapes, so nothing quoted starts a line
 * of its own, where a CI runner would read "::notice::" or "::stop-commands::" as its own command.
 */
export function formatProblem(p: Problem, severity: 'error' | 'warning' = 'error'): string {
  const oneLine = (s: string) => s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${oneLine(p.file)}:${p.line}:${p.column}  ${oneLine(p.field)}  ${severity === 'warning' ? 'warning: ' : ''}${oneLine(p.message)}`;
}

/** https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions#setting-an-error-message */
export function formatAnnotation(p: Problem, severity: 'error' | 'warning' = 'error'): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${severity} file=${escapeProp(p.file)},line=${p.line},col=${p.column},title=${escapeProp(p.field)}::${escapeData(p.message)}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
