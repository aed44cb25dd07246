/**
 * Reading answers to the contribution questions (./questions.ts): one answer as text or as a
 * list, and the organisation they name. Shared by the drafting form, the "We are using this"
 * form, the issue bot and the gateway; kept apart from ./draft.ts so a page that only reads
 * answers does not load what turns them into a blueprint file (YAML among it).
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import { organisationNotListed, type Question } from './questions';
import type { FieldError } from './draft-check';
import { slugForTitle } from './slug';
import { contactDetailsIn, personalDataNames } from '../validate/personal-data';

/** Answers by question id: one string per question, or a list for several choices. */
export type DraftValues = Record<string, string | string[] | undefined>;

/**
 * The most one answer may hold: about 3,000 words of text, or 60 choices of up to 500 characters
 * each. The gateway refuses more (gateway/src/routes.ts); the drafting form says so beside the
 * question, before anyone signs in (./draft-check.ts).
 */
export const answerLimits = { characters: 20_000, choices: 60, choiceCharacters: 500 } as const;

/** A form's key for one submission, which the gateway takes as its idempotency key: the drafting forms make it with crypto.randomUUID(). */
export const formKeyPattern = /^[A-Za-z0-9_-]{16,100}$/;

const count = (n: number) => n.toLocaleString('en-GB');

/** What is wrong with an answer over answerLimits, to follow the question's name; undefined if nothing. */
export function answerOverLimit(answer: unknown): string | undefined {
  if (typeof answer === 'string' && answer.length > answerLimits.characters) {
    return `is ${count(answer.length)} characters, over the ${count(answerLimits.characters)} one answer can hold: shorten it, or link to a longer document from the Resources section`;
  }
  if (!Array.isArray(answer)) return undefined;
  if (answer.length > answerLimits.choices) return `has ${count(answer.length)} choices, more than the ${answerLimits.choices} one answer can hold: choose fewer`;
  if (answer.some((choice) => typeof choice === 'string' && choice.length > answerLimits.choiceCharacters)) {
    return `has a choice over ${answerLimits.choiceCharacters} characters long: shorten it`;
  }
  return undefined;
}

/**
 * Characters no answer needs, which can hide text, change the order it reads in, or stop it being
 * committed: control characters (but a tab and line breaks), half of a surrogate pair alone, and
 * the marks that override the direction text is shown in.
 */
const unprintable = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The text with each half of a surrogate pair that stands alone replaced by U+FFFD, as a browser
 * shows it: such text cannot be put in a web address, so a draft holding one could not be sent.
 */
export function wellFormed(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const pair = c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
    if (pair) {
      i++;
      continue;
    }
    out += `${text.slice(from, i)}\ufffd`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** What is wrong with an answer holding such a character, to follow the question's name; undefined if nothing. */
export function answerUnprintable(answer: unknown): string | undefined {
  const texts = typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : [];
  const found = texts.map((t) => (typeof t === 'string' ? unprintable.exec(t)?.[0] : undefined)).find((c) => c !== undefined);
  if (found === undefined) return undefined;
  return `holds a character that cannot be shown (U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}): type that part again, or paste it as plain text`;
}

/** An answer as one trimmed string; several choices joined by ", ". */
export function textOf(values: DraftValues, id: string): string {
  const v = values[id];
  return (Array.isArray(v) ? v.join(', ') : (v ?? '')).trim();
}

/** An answer as a list of trimmed, non-empty choices. */
export function listOf(values: DraftValues, id: string): string[] {
  const v = values[id];
  if (Array.isArray(v)) return v.map((x) => x.trim()).filter(Boolean);
  return v?.trim() ? [v.trim()] : [];
}

/**
 * Bullets pasted from Word, Outlook or Teams: "•", "·", "▪", "◦", "‣", "●", "○", Word's Symbol-font
 * bullets (private-use characters) and its "o" followed by a tab.
 */
const pastedMark = '[•·▪◦‣●○\uF0A7\uF0B7]|o(?=\\t)';
const pastedBullet = new RegExp(`^[ \\t]*(?:${pastedMark})[ \\t]+`);

/** A bullet or number typed or pasted before an item of a list answer: "- ", "* ", "1. ", "2) ", "• ". */
export const typedBullet = new RegExp(`^\\s*(?:[-*+]|${pastedMark}|\\d+[.)])\\s+`);

/**
 * A written part of a blueprint with each line that starts with a pasted bullet made a Markdown list
 * item ("- "), so a list pasted from Word stays a list instead of running together as one paragraph.
 */
export function withListBullets(text: string): string {
  return text.split(/\r?\n/).map((line) => line.replace(pastedBullet, '- ')).join('\n');
}

/**
 * The blueprint a proposer meant: its slug, or its page address (people paste the link). Only
 * the last path segment of an address is taken.
 */
export function blueprintAnswer(answer: string): string {
  const text = answer.trim();
  const fromAddress = text.match(/\/blueprints\/([^/?#\s]+)\/?(?:[?#].*)?$/);
  return (fromAddress ? fromAddress[1] : text).toLowerCase();
}

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A month as people write it, as the YYYY-MM the schema takes: "2023-04", "2023-4", "2023/04",
 * "04/2023", "4.2023", "April 2023", "Apr 2023", "Sept 2023", "2023 April". Anything else, or a
 * month number over 12, comes back as written, for the schema to refuse.
 */
export function monthOf(text: string): string {
  const t = text.trim();
  const month = (year: string, m: number) => (m >= 1 && m <= 12 ? `${year}-${String(m).padStart(2, '0')}` : t);
  const yearFirst = t.match(/^(\d{4})\s*[-/.]\s*(\d{1,2})$/);
  if (yearFirst) return month(yearFirst[1], Number(yearFirst[2]));
  const monthFirst = t.match(/^(\d{1,2})\s*[-/.]\s*(\d{4})$/);
  if (monthFirst) return month(monthFirst[2], Number(monthFirst[1]));
  const named = t.match(/^([a-z]{3,9})\.?,?\s+(\d{4})$/i);
  const namedAfter = t.match(/^(\d{4}),?\s+([a-z]{3,9})\.?$/i);
  const [word, year] = named ? [named[1], named[2]] : namedAfter ? [namedAfter[2], namedAfter[1]] : ['', ''];
  const index = word ? monthNames.findIndex((name) => name.startsWith(word.toLowerCase())) : -1;
  return index === -1 ? t : month(year, index + 1);
}

/** One item per non-empty line, e.g. key questions; the bullets and numbers people type are dropped. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(typedBullet, '').trim())
    .filter(Boolean);
}

export function isEmpty(values: DraftValues, id: string): boolean {
  return listOf(values, id).length === 0;
}

/** A problem for each required question left empty: its own message, or "<Name> is required". */
export function unanswered(questions: readonly Question[], values: DraftValues): FieldError[] {
  return questions.filter((q) => q.required && isEmpty(values, q.id)).map((q) => ({ id: q.id, message: q.emptyMessage ?? `${q.name} is required` }));
}

/**
 * A problem for each written answer that seems to hold an NHS number, an email address or a phone
 * number, for answers published as they are (feedback, an owner's review): every kind found in
 * one message, so the writer takes them all out at once, an NHS number named first. Whoever sends
 * through the gateway hears back at the address they signed in with.
 */
export function contactDetailErrors(questions: readonly Question[], values: DraftValues): FieldError[] {
  return questions
    .filter((q) => q.kind === 'text' || q.kind === 'paragraph')
    .flatMap((q) => {
      const found = contactDetailsIn(textOf(values, q.id));
      if (found.length === 0) return [];
      const kinds = [...new Set(found.map((d) => d.kind))].sort((a, b) => Number(b === 'nhs-number') - Number(a === 'nhs-number'));
      const what = `“${q.name}” seems to hold ${new Intl.ListFormat('en-GB').format(kinds.map((k) => personalDataNames[k]))}`;
      const them = kinds.length > 1 ? 'them' : 'it';
      return [{
        id: q.id,
        message: kinds[0] === 'nhs-number'
          ? `${what}, and nothing published may identify a patient: take ${them} out`
          : `${what}. What you send is published for anyone to read, so take ${them} out; to report a wrong contact detail on a page, say which one without copying it`,
      }];
    });
}

/** Whether every statement of a declaration is ticked (its answer holds each statement's value). */
export function confirmsAll(values: DraftValues, declaration: { id: string; statements: readonly { value: string }[] }): boolean {
  const ticked = new Set(listOf(values, declaration.id));
  return declaration.statements.every((s) => ticked.has(s.value));
}

/** The organisation slug: the chosen one, or the slug of the name typed for one not listed. */
export function organisationOf(values: DraftValues): string | undefined {
  const chosen = textOf(values, 'organisation');
  const name = textOf(values, 'organisation-name');
  if (chosen === organisationNotListed) return name ? slugForTitle(name, 'organisation', 100) : undefined;
  return chosen || undefined;
}
