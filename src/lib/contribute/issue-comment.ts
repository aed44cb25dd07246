/**
 * What the issue-form bot says back on the issue: a link to the pull request, or the problems
 * to fix, named by the question on the form (not by file and line, which a proposer never sees).
 * The bot edits its own earlier comment, found by `botMarker`, instead of adding one per edit.
 */
import type { Problem } from '../validate/problem';
import { clip, inline, marker } from './markdown';
import { fieldForPath, issueFormFields, type IssueFormField } from './issue-form';

export const botMarker = marker('proposal-bot');

export interface ProposalProblem {
  /** The question on the form, or "Your proposal" when the problem is with the whole thing. */
  where: string;
  message: string;
}

/** Which body section a line of the rendered file falls in, and the line within the answer. */
function sectionAt(rendered: string, line: number): { heading: string; line: number } | undefined {
  const lines = rendered.split('\n');
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const heading = lines[i].match(/^## (.+)$/);
    // The answer starts two lines below its heading (after a blank line).
    if (heading) return { heading: heading[1].trim(), line: Math.max(1, line - (i + 1) - 1) };
  }
  return undefined;
}

function describeField(problemField: string, fields: readonly IssueFormField[]): { label: string; field: IssueFormField } | undefined {
  const path = problemField.split('.');
  const field = fieldForPath(path, fields);
  if (!field) return undefined;
  const index = Number(path[field.path.length]);
  if (Number.isInteger(index) && (field.kind === 'lines' || field.kind === 'list' || field.kind === 'many')) {
    const item = field.kind === 'lines' ? 'question' : 'item';
    return { label: `${field.label} (${item} ${index + 1})`, field };
  }
  return { label: field.label, field };
}

/** The schema lists allowed values; a proposer chose from labels, so name those instead. */
function inFormTerms(message: string, field: IssueFormField): string {
  const match = message.match(/^(.*) is not one of /s);
  if (!match || !field.terms) return message;
  return `${match[1]} is not one of the choices: pick one of ${field.terms.map((t) => t.label).join(', ')}`;
}

/**
 * Maps validator problems on the rendered file back to the form's questions. `bodyLine` is the
 * first line of the body in `rendered`; problems below it belong to a section answer.
 */
export function proposalProblems(
  problems: readonly Problem[],
  rendered: string,
  bodyLine: number,
  missing: readonly string[] = [],
  fields: readonly IssueFormField[] = issueFormFields,
): ProposalProblem[] {
  const out: ProposalProblem[] = [];
  for (const id of missing) {
    const field = fields.find((f) => f.id === id);
    if (field?.kind === 'confirm') out.push({ where: field.label, message: 'needs both boxes ticked: a proposal cannot be published without them' });
  }
  for (const p of problems) {
    const described = describeField(p.field, fields);
    if (described) {
      out.push({ where: described.label, message: inFormTerms(p.message, described.field) });
      continue;
    }
    const section = p.line >= bodyLine ? sectionAt(rendered, p.line) : undefined;
    const field = section && fields.find((f) => f.heading === section.heading);
    if (section && field) out.push({ where: `${field.label} (line ${section.line} of your answer)`, message: p.message });
    else out.push({ where: 'Your proposal', message: p.message });
  }
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = `${p.where}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "**Title** is too short…" reads as a sentence; other messages follow a colon. */
function line(p: ProposalProblem): string {
  const message = inline(clip(p.message, 500));
  return /^(is|are|should|has|have|needs|lists|ends|starts|still|points|was|does|contains|uses)\b/.test(message)
    ? `- **${inline(p.where)}** ${message}`
    : `- **${inline(p.where)}**: ${message}`;
}

export function problemsComment(problems: readonly ProposalProblem[], existingPull?: { number: number }): string {
  const count = problems.length;
  const parts = [
    botMarker,
    `### Almost there: ${count} thing${count === 1 ? '' : 's'} to change`,
    'Thank you for proposing this. Before it can become a pull request, please **edit this issue** (open the ··· menu at the top of the issue and choose *Edit*) and change these answers:',
    problems.map(line).join('\n'),
    'When you save, the checks run again and this comment is updated.',
  ];
  if (existingPull) parts.push(`Pull request #${existingPull.number} still holds the last version that passed the checks.`);
  return `${parts.join('\n\n')}\n`;
}

export function successComment(pull: { number: number; url: string; created: boolean }, filePath: string): string {
  return `${[
    botMarker,
    `### ${pull.created ? 'Pull request opened' : 'Pull request updated'}: #${pull.number}`,
    `Thank you. Your proposal ${pull.created ? 'is now' : 'has been updated in'} pull request #${pull.number}: ${pull.url}`,
    `It adds \`${filePath}\`. A maintainer will review it against the checklist in the pull request and may suggest changes there.`,
    'To change anything, edit this issue: the same pull request is updated for you.',
  ].join('\n\n')}\n`;
}
