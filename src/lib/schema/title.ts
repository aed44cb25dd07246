/**
 * The title convention. Readers scan titles in a table, so a title says what was done, by
 * whom is in another column, and it starts with the thing that happened, not with filler.
 * Users testing the national catalogue found an A–Z list useless because so many titles
 * began "An initiative to…".
 */
const fillerOpenings: { pattern: RegExp; example: string }[] = [
  { pattern: /^(an?|the)\s+(initiative|project|programme|program|approach|attempt|journey|piece of work)\b/i, example: '"Moving 40 wards to electronic observations in 9 months"' },
  { pattern: /^(initiative|project|programme|blueprint|case study)\b/i, example: '"Replacing paper drug charts with ePMA on every ward"' },
  { pattern: /^(how|what)\s+we\b/i, example: '"Training 2,000 nurses on a new EPR with super-users"' },
  { pattern: /^(improving|transforming|enhancing|leveraging|utilising|supporting)\s+(the\s+)?(digital|patient|care|services)\b/i, example: '"Cutting discharge letter delays from 5 days to 1"' },
];

/** Returns the problem with a title, or undefined when it follows the convention. */
export function titleProblem(title: string): string | undefined {
  const trimmed = title.trim();
  for (const { pattern, example } of fillerOpenings) {
    const match = trimmed.match(pattern);
    if (match) {
      return `starts with "${match[0]}": say what was done instead, e.g. ${example}`;
    }
  }
  if (trimmed.endsWith('.')) return 'ends with a full stop: titles are headings, remove it';
  if (trimmed === trimmed.toUpperCase() && /[A-Z]{6}/.test(trimmed)) return 'is in capitals: use sentence case';
  return undefined;
}
