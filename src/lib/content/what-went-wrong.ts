/**
 * What a "what went wrong" section must hold to be worth reading (issue 17, item 4): enough words
 * to say what failed and what it cost, and at least one thing another organisation can avoid.
 * One definition for the validator (`rules/what-went-wrong.ts`), the drafting form and the bot.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */

/** About a paragraph: what did not work, what it cost, and what to do instead. */
export const minimumWhatWentWrongWords = 120;

/**
 * Headings that name the section. Authors word it to fit their story ("What went wrong",
 * "What we would change", "What we would do differently"), so the heading is recognised by
 * its meaning rather than matched against one fixed text.
 */
const sectionHeading = /\bwent wrong\b|\b(do|done|doing) (it |things )?differently\b|\bwould change\b|\bdid not (work|go to plan)\b|\bdidn['’]t (work|go to plan)\b|\blessons? (we )?learn/i;

export function isWhatWentWrongHeading(heading: string): boolean {
  return sectionHeading.test(heading);
}

/**
 * The mechanical proxy for "at least one thing a reader can avoid": a phrase that turns a failure
 * into advice, a counterfactual or a changed practice. A section that only describes what
 * happened ("the devices arrived late, so training slipped") has none of them; one that says what
 * to do about it almost always has one. Three kinds count:
 *
 * - advice or hindsight: "avoid…", "instead", "next time", "in future", "in hindsight",
 *   "should…", "would have", "could have", "we would…", "do not…", "don't…", "make sure",
 *   "before you…", "from the start", "earlier";
 * - what the organisation now does differently: "we now…", "we have since…";
 * - a sentence that opens with an instruction to the reader: "Agree…", "Budget…", "Plan…",
 *   "Start…", "Test…" and the other verbs in `instructionVerbs`.
 *
 * It cannot tell good advice from bad, and a reviewer still reads the section; it catches the
 * section that only narrates. Every phrase is one a writer uses when drawing a lesson.
 */
const advicePhrase =
  /\b(avoid(s|ed|ing)?|instead|next time|in future|(in|with) hindsight|if we (did|were to do|started) (it|this|again)|(would|should|could) have|should|(we|i|you) would|we['’]d|do not|don['’]t|never again|make sure|before you|from the (start|outset|beginning|first)|earlier|we now|we have since)\b/i;

/** Verbs that open an instruction to the reader, as in "Agree screens and owners before go-live." */
const instructionVerbs = [
  'agree', 'ask', 'book', 'budget', 'build', 'check', 'choose', 'count', 'decide', 'drive', 'fix', 'fund',
  'get', 'give', 'involve', 'keep', 'measure', 'name', 'plan', 'publish', 'put', 'run', 'set', 'start',
  'tag', 'talk', 'tell', 'test', 'train', 'treat', 'write',
];
const instruction = new RegExp(`(?:^|[.!?:;]\\s+|\\n\\s*)(${instructionVerbs.join('|')})\\s+(?:the|a|an|your|every|each|all|it|them|one|two|at|with|for|on|in|to|by|what|who|how|from|time|money|staff|early|clinicians|nurses|users|patients)\\b`, 'i');

/** The phrase that shows something avoidable, or undefined when the text has none. */
export function avoidableThingIn(text: string): string | undefined {
  return advicePhrase.exec(text)?.[0] ?? instruction.exec(text)?.[0].trim().replace(/^[.!?:;]\s*/, '');
}

/** Words a reader reads: runs of letters or digits, with inner apostrophes and hyphens. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/**
 * What is missing from a "what went wrong" section's text, as the end of a sentence that starts
 * with the section's name (e.g. `The “What went wrong” section ` + this), or undefined when it
 * has enough. Both failures are reported at once, so the author fixes them in one pass.
 */
export function whatWentWrongShortfall(text: string): string | undefined {
  const words = wordCount(text);
  const short = words < minimumWhatWentWrongWords;
  const nothingToAvoid = !avoidableThingIn(text);
  if (!short && !nothingToAvoid) return undefined;
  const wordsPart = `has ${words} word${words === 1 ? '' : 's'}, and needs at least ${minimumWhatWentWrongWords}: say what did not work, what it cost you (time, money, staff, patients) and why`;
  const avoidPart =
    'says nothing another organisation could avoid: add at least one sentence saying what you would do instead, what to do next time or what to avoid (for example "Next time we would…", "Avoid…", "We should have…")';
  if (short && nothingToAvoid) return `${wordsPart}; it also ${avoidPart}`;
  return short ? wordsPart : avoidPart;
}
