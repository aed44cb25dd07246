/**
 * Reading a submitted "Propose a blueprint" issue (./issue-form.ts) back into answers to the
 * contribution questions. Everything here handles text from strangers: it is parsed as data,
 * never evaluated, and the result still goes through the full validator and MDX safety gate.
 */
import type { Term } from '../schema/taxonomy';
import { sectionsOf, toFrontMatter } from './draft';
import type { DraftValues } from './answers';
import { blueprintForm, type IssueFormSpec } from './issue-form';
import { questions, type Question } from './questions';

/** GitHub's issue bodies are at most 65,536 characters; anything longer is not from the form. */
const maxIssueBody = 65_536;
const noResponse = '_No response_';

/** Every `### heading` a form writes, in order: the questions, then the declaration. */
function headingsOf(form: Pick<IssueFormSpec, 'questions' | 'declaration'>) {
  return [...form.questions.map((q) => ({ id: q.id, label: q.label })), { id: form.declaration.id, label: form.declaration.label }];
}

/**
 * Splits an issue-form body (`### Label` then the answer) into answers by question id. A heading
 * only starts a new answer when it is the label of a later question, so a proposer who writes
 * `### Something` inside a section keeps it as part of their text.
 */
export function parseIssueFormBody(body: string, form: Pick<IssueFormSpec, 'questions' | 'declaration'> = blueprintForm): Map<string, string> {
  const headings = headingsOf(form);
  const lines = body.slice(0, maxIssueBody).replace(/\r\n?/g, '\n').split('\n');
  const answers = new Map<string, string[]>();
  let current: number | undefined;
  for (const line of lines) {
    const heading = line.match(/^###\s+(.+?)\s*$/);
    if (heading) {
      const next = headings.findIndex((f, i) => f.label === heading[1] && (current === undefined || i > current));
      if (next >= 0) {
        current = next;
        answers.set(headings[next].id, []);
        continue;
      }
    }
    if (current !== undefined) answers.get(headings[current].id)!.push(line);
  }
  const result = new Map<string, string>();
  for (const [id, value] of answers) {
    const text = value.join('\n').trim();
    result.set(id, text === noResponse ? '' : text);
  }
  return result;
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** A dropdown answer is the option's label; a pre-filled link may carry the value. */
function parseOne(answer: string, terms: readonly Term[]): string {
  return terms.find((t) => sameText(t.label, answer) || sameText(t.value, answer))?.value ?? answer.trim();
}

/**
 * A multi-select answer is the chosen labels joined by ", ". Labels may themselves contain a
 * comma ("Digital channels (NHS App, portals)"), so known labels are matched first and only
 * unknown text is split on commas (and passed on, so the schema names it as not allowed).
 */
export function parseMany(answer: string, terms: readonly Term[]): string[] {
  const byLength = [...terms].sort((a, b) => b.label.length - a.label.length);
  const values: string[] = [];
  let rest = answer.replace(/\n+/g, ', ').trim();
  while (rest) {
    const lower = rest.toLowerCase();
    let taken: string | undefined;
    for (const term of byLength) {
      taken = [term.label, term.value].find((name) => lower.startsWith(name.toLowerCase()) && /^\s*(,|$)/.test(rest.slice(name.length)));
      if (taken) {
        values.push(term.value);
        break;
      }
    }
    if (!taken) {
      const comma = rest.indexOf(',');
      taken = comma < 0 ? rest : rest.slice(0, comma);
      if (taken.trim()) values.push(taken.trim());
    }
    rest = rest.slice(taken.length).replace(/^\s*,\s*/, '').trim();
  }
  return values;
}

/** The issue's answers as the web form would hold them: values for choices, text for the rest. */
export function issueValues(answers: ReadonlyMap<string, string>, list: readonly Question[] = questions): DraftValues {
  const values: DraftValues = {};
  for (const question of list) {
    const answer = answers.get(question.id) ?? '';
    if (!answer) continue;
    if (question.kind === 'one') values[question.id] = parseOne(answer, question.terms ?? []);
    else if (question.kind === 'many') values[question.id] = parseMany(answer, question.terms ?? []);
    else values[question.id] = answer;
  }
  return values;
}

/** Whether every statement of the declaration is ticked (`- [X] statement`). */
export function declared(answer: string, declaration = blueprintForm.declaration): boolean {
  const tick = /^\s*[-*]\s*\[[xX]\]\s*/;
  const ticked = (label: string) => answer.split('\n').some((line) => tick.test(line) && sameText(line.replace(tick, ''), label));
  return declaration.statements.every((t) => ticked(t.label));
}

export interface Proposal {
  /** Front-matter for renderBlueprint. */
  data: Record<string, unknown>;
  /** Body section texts by heading. */
  sections: Record<string, string>;
  /** Question ids the form requires that were left empty (the schema also reports most of them), and the declaration's when it is not ticked. */
  missing: string[];
  /** Answers that help a maintainer but are not front-matter, by question id (e.g. organisation-name). */
  extras: Record<string, string>;
}

export interface ProposalContext {
  /** The date to publish under, YYYY-MM-DD (the day the proposal is turned into a pull request). */
  published: string;
  /** The proposer's GitHub user name, used as the owner's when that answer is empty. */
  author?: string;
  /**
   * The issue's own title. A pre-filled link passes the blueprint title as `title`, which GitHub
   * uses for the issue title, so it stands in when the Title answer is empty.
   */
  issueTitle?: string;
  /** Slugs of the made-up example organisations; a proposal from one is illustrative too. */
  illustrativeOrganisations?: readonly string[];
}

/** Turns a submitted issue body into front-matter and body sections. */
export function proposalFromIssue(body: string, context: ProposalContext): Proposal {
  const answers = parseIssueFormBody(body);
  const values = issueValues(answers);
  const fromIssueTitle = context.issueTitle?.replace(/^\s*proposal:\s*/i, '').trim();
  if (!values.title && fromIssueTitle) values.title = fromIssueTitle;
  if (!values['owner-github'] && values['owner-name'] && context.author && /^[A-Za-z0-9-]+$/.test(context.author)) values['owner-github'] = context.author;

  const missing = questions.filter((q) => q.required && !values[q.id]?.length).map((q) => q.id);
  if (!declared(answers.get(blueprintForm.declaration.id) ?? '')) missing.push(blueprintForm.declaration.id);
  const extras = Object.fromEntries(
    questions.filter((q) => q.path.length === 0 && q.kind !== 'section' && answers.get(q.id)).map((q) => [q.id, answers.get(q.id)!]),
  );
  const data = toFrontMatter(values, { today: context.published, illustrativeOrganisations: context.illustrativeOrganisations });
  return { data, sections: sectionsOf(values), missing, extras };
}
