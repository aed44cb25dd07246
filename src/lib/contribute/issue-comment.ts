/**
 * What the issue-form bot says back on the issue: a link to the pull request, or the problems
 * to fix, named by the question on the form (not by file and line, which a proposer never sees).
 * The bot edits its own earlier comment, found by `botMarker`, instead of adding one per edit.
 */
import type { Problem } from '../validate/problem';
import { blueprintForm, type IssueFormSpec } from './issue-form';
import { clip, inline, marker } from './markdown';
import { questionForProblem, type Question } from './questions';

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

/** The question's label, and which item of a list answer the problem is with. */
function where(question: Question, item: number | undefined): string {
  if (item === undefined || !['lines', 'list', 'many'].includes(question.kind)) return question.label;
  return `${question.label} (${question.kind === 'lines' ? 'question' : 'item'} ${item + 1})`;
}

/** The schema lists allowed values; a proposer chose from labels, so name those instead. */
function inFormTerms(message: string, question: Question): string {
  const match = message.match(/^(.*) is not one of /s);
  if (!match || !question.terms) return message;
  return `${match[1]} is not one of the choices: pick one of ${question.terms.map((t) => t.label).join(', ')}`;
}

/**
 * Maps validator problems on the rendered file back to the form's questions. `bodyLine` is the
 * first line of the body in `rendered`; problems below it belong to a section answer, and every
 * one of them is listed, by its line within the answer. `form` is the issue form the answers came
 * from (the blueprint form unless said).
 */
export function proposalProblems(problems: readonly Problem[], rendered: string, bodyLine: number, missing: readonly string[] = [], form: Pick<IssueFormSpec, 'questions' | 'declaration'> = blueprintForm): ProposalProblem[] {
  const { questions, declaration } = form;
  const out: ProposalProblem[] = [];
  if (missing.includes(declaration.id)) out.push({ where: declaration.label, message: 'needs both boxes ticked: a proposal cannot be published without them' });
  for (const p of problems) {
    const at = questionForProblem(p.field, questions);
    if (at) {
      out.push({ where: where(at.question, at.item), message: inFormTerms(p.message, at.question) });
      continue;
    }
    const section = p.line >= bodyLine ? sectionAt(rendered, p.line) : undefined;
    const question = section && questions.find((q) => q.section === section.heading);
    if (section && question) out.push({ where: `${question.label} (line ${section.line} of your answer)`, message: p.message });
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
  const where = clip(p.where, 200);
  return /^(is|are|should|has|have|needs|lists|ends|starts|still|points|was|does|contains|uses)\b/.test(message)
    ? `- **${inline(where)}** ${message}`
    : `- **${inline(where)}**: ${message}`;
}

/** At most this many problems are listed in one comment, which GitHub caps at 65,536 characters; the rest are counted. */
const listedProblems = 50;

export function problemsComment(problems: readonly ProposalProblem[], existingPull?: { number: number }): string {
  const count = problems.length;
  const more = count - listedProblems;
  const parts = [
    botMarker,
    `### Almost there: ${count} thing${count === 1 ? '' : 's'} to change`,
    'Thank you for proposing this. Before it can become a pull request, please **edit this issue** (open the ··· menu at the top of the issue and choose *Edit*) and change these answers:',
    [...problems.slice(0, listedProblems).map(line), ...(more > 0 ? [`- …and ${more.toLocaleString('en-GB')} more: change these first, and the checks list the rest when you save`] : [])].join('\n'),
    'When you save, the checks run again and this comment is updated.',
  ];
  if (existingPull) parts.push(`Pull request #${existingPull.number} still holds the last version that passed the checks.`);
  return `${parts.join('\n\n')}\n`;
}

/**
 * Said when the issue is edited after a maintainer approved its pull request: the approved
 * version stays as it is, so what was reviewed is what is merged.
 */
export function approvedComment(pull: { number: number; url: string }): string {
  return `${[
    botMarker,
    `### Your edit was not applied: pull request #${pull.number} is approved`,
    `A maintainer approved pull request #${pull.number} as it stood, so your last edit to this issue has not changed it: what was approved is what is merged. ${pull.url}`,
    'If something needs to change, say what in a comment on the pull request. Once the maintainer withdraws the approval (or asks for changes), your next edit to this issue updates it.',
  ].join('\n\n')}\n`;
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

/** Said when the answers passed but GitHub would not take the pull request just now. */
export function failureComment(): string {
  return `${botMarker}\n### Something went wrong on our side\n\nYour answers passed the checks, but the pull request could not be opened just now. A maintainer has been told; you do not need to do anything.\n`;
}
