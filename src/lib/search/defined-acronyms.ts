/**
 * Acronyms that content defines for itself: "Electronic Prescribing and Medicines Administration
 * (EPMA)" written in a blueprint, playbook, organisation or glossary file makes EPMA and its full
 * name one synonym group, so a reader who types either finds the page (issue 17, item 6). Found
 * once per build from the validated entries and merged with the glossary's own groups
 * (`buildSynonyms` in ./synonyms.ts).
 *
 * Text in parentheses is often not an acronym at all ("(2019)", "(see below)", "(b)"), and the
 * words before one that is are usually longer than its name ("NHS Digital Staff Passport (DSP)"
 * names a Digital Staff Passport). So a pair is taken only when the acronym's letters are the
 * initials of the words just before it, read backwards to the shortest run that spells it.
 */

/** Words that may sit inside a name without giving it a letter: "Medicines *and* Administration". */
const minorWords = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with', '&']);

/**
 * An acronym: up to 10 letters, digits or "&", starting with a letter, holding at least two
 * capitals (EPMA, ePMA, A&E, CSOs). A final lower-case "s" after capitals is a plural.
 */
const acronymPattern = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z][A-Za-z0-9&]{1,9}$/;

export interface AcronymDefinition {
  /** As written, without a plural "s": "CSO". */
  acronym: string;
  /** The words it stands for, as written, singular when the acronym was plural: "clinical safety officer". */
  name: string;
}

/** The acronym without a plural "s" ("CSOs" → "CSO"), or undefined when the text is not an acronym. */
function acronymOf(text: string): { acronym: string; plural: boolean } | undefined {
  if (!acronymPattern.test(text)) return undefined;
  const plural = /[A-Z0-9]s$/.test(text);
  const acronym = plural ? text.slice(0, -1) : text;
  if (acronym.replace(/[^A-Za-z]/g, '').length < 2) return undefined;
  return { acronym, plural };
}

/**
 * The letters a word may give an acronym: its initial; for a word written in capitals (NHS, GP),
 * also all of its letters; for a word joined with "&" or a hyphen, each part's initial.
 */
function lettersOf(word: string): string[] {
  const parts = word.split(/[-–]/).filter(Boolean);
  const initials = parts.map((p) => p[0]).join('').toUpperCase();
  const options = new Set([initials, parts[0][0].toUpperCase()]);
  if (/^[A-Z]{2,}$/.test(word)) options.add(word);
  return [...options];
}

/**
 * Whether `acronym` is spelled by the initials of `words`, in order: each word gives its initial
 * (or, for a word in capitals, all its letters), except minor words ("and", "of"), which may give
 * nothing. The first word must give the acronym's first letter, so a name never starts with
 * words the acronym skips. "&" in the acronym stands for "and" or "&".
 */
export function initialsMatch(words: readonly string[], acronym: string): boolean {
  const letters = acronym.toUpperCase().replace(/[^A-Z0-9&]/g, '');
  if (words.length === 0 || letters.length < 2 || minorWords.has(words[0].toLowerCase())) return false;
  const match = (w: number, l: number): boolean => {
    if (w === words.length) return l === letters.length;
    const word = words[w];
    const lower = word.toLowerCase();
    if (letters[l] === '&' && (lower === 'and' || lower === '&')) return match(w + 1, l + 1);
    if (minorWords.has(lower) && w > 0 && match(w + 1, l)) return true;
    return lettersOf(word).some((given) => letters.startsWith(given, l) && match(w + 1, l + given.length));
  };
  return match(0, 0);
}

/** The shortest run of words ending the text before "(" whose initials spell the acronym. */
function nameBefore(before: string, acronym: string): string[] | undefined {
  // The name lies within the same clause: stop at punctuation that ends one, or a line break.
  const clause = before.split(/[.;:!?()\[\]{}"“”\n,]|\s[–—]\s/).at(-1) ?? '';
  const words = clause.replace(/[*_`]/g, '').trim().split(/\s+/).filter(Boolean);
  const letters = acronym.replace(/[^A-Za-z0-9&]/g, '').length;
  // A name has at most one word per letter, plus a few minor words.
  for (let size = 1; size <= Math.min(words.length, letters + 3); size++) {
    const candidate = words.slice(-size);
    if (initialsMatch(candidate, acronym)) return candidate;
  }
  return undefined;
}

/** Every "Full Name (ACRONYM)" in a text, in the order written. */
export function acronymDefinitions(text: string): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (const match of text.matchAll(/\(([^()\s]{2,11})\)/g)) {
    const parsed = acronymOf(match[1]);
    if (!parsed) continue;
    const words = nameBefore(text.slice(Math.max(0, match.index - 200), match.index), parsed.acronym);
    if (!words) continue;
    if (parsed.plural) words[words.length - 1] = words[words.length - 1].replace(/(?<=[a-z])s$/, '');
    const name = words.join(' ');
    if (name.toLowerCase() === parsed.acronym.toLowerCase()) continue;
    found.push({ acronym: parsed.acronym, name });
  }
  return found;
}

/** Every string in a value: front-matter and YAML data, walked in order. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out));
  else if (value && typeof value === 'object' && !(value instanceof Date)) Object.values(value).forEach((v) => stringsIn(v, out));
  return out;
}

/**
 * The synonym groups ([acronym, name]) every validated entry defines, in its data and its body,
 * once each: the same acronym and name written twice, even in a different case, is one group.
 */
export function definedAcronymGroups(entries: readonly { data: unknown; parsed: { body: string } }[]): string[][] {
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const entry of entries) {
    if (entry.data === undefined) continue;
    for (const text of [...stringsIn(entry.data), entry.parsed.body]) {
      if (!text.includes('(')) continue;
      for (const { acronym, name } of acronymDefinitions(text)) {
        const key = `${acronym}\u0000${name.toLowerCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        groups.push([acronym, name]);
      }
    }
  }
  return groups;
}
