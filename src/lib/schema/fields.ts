/**
 * Field builders shared by every schema. Each one carries an error message written for
 * authors: what is wrong and what to write instead. Messages never mention zod.
 */
import { z } from 'astro/zod';
import { monthPattern } from './month';
import { valuesOf, type Term } from './taxonomy';

function describe(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (typeof input === 'string') return `"${input}"`;
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? 'an impossible date' : input.toISOString().slice(0, 10);
  return JSON.stringify(input) ?? String(input);
}

/** One value from a controlled list, e.g. `domain: workforce`. */
export function oneOf<const T extends readonly Term[]>(list: T) {
  const values = valuesOf(list);
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `is required: use one of ${values.join(', ')}`
        : `${describe(issue.input)} is not one of ${values.join(', ')}`,
  });
}

/** A list of values from a controlled list, e.g. `careSettings: [acute, community]`. */
export function manyOf<const T extends readonly Term[]>(list: T, { min = 0 } = {}) {
  return z
    .array(oneOf(list), { error: (issue) => `should be a list, e.g. [${list[0].value}]; got ${describe(issue.input)}` })
    .min(min, { error: `needs at least ${min} value${min === 1 ? '' : 's'} from: ${valuesOf(list).join(', ')}` })
    .refine((items) => new Set(items).size === items.length, { error: 'lists a value twice: remove the repeat' })
    .default([]);
}

/** Plain text with length limits that say why. */
export function text({ min = 1, max, what }: { min?: number; max: number; what: string }) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `is required: write ${what}` : `should be text (${what}); got ${describe(issue.input)}`) })
    .trim()
    .min(min, { error: `is too short: write ${what} in at least ${min} characters` })
    .max(max, { error: `is too long: keep ${what} to ${max} characters or fewer` });
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date written as YYYY-MM-DD. YAML readers differ (some give a Date, some a
 * string), so both are accepted and the result is always a Date at midnight UTC.
 */
export function date(what: string) {
  return z.preprocess(
    (input) => {
      // Only a real calendar date becomes a Date: 2024-02-30 would otherwise roll over to March.
      const text = typeof input === 'string' ? input.trim() : '';
      const asDate = isoDate.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
      if (asDate && !Number.isNaN(asDate.getTime()) && asDate.toISOString().startsWith(text)) return asDate;
      return input;
    },
    z.date({ error: (issue) => (issue.input === undefined ? `is required: give ${what} as YYYY-MM-DD` : `${describe(issue.input)} is not a date: write ${what} as YYYY-MM-DD, e.g. 2025-03-31`) })
      .refine((d) => !Number.isNaN(d.getTime()), { error: `is not a real date: write ${what} as YYYY-MM-DD` }),
  );
}

/** A month written as YYYY-MM, used for timelines where the day does not matter. */
export const month = z
  .string({ error: 'should be a month written as YYYY-MM, e.g. 2023-04' })
  .regex(monthPattern, { error: 'should be a month written as YYYY-MM, e.g. 2023-04' });

/** The slug of another entry: lower-case words joined by hyphens. */
export const slug = z
  .string({ error: 'should be the slug of an entry, e.g. northmoor-teaching-hospitals' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'should be a slug: lower-case letters, digits and hyphens, e.g. northmoor-teaching-hospitals' });

/**
 * File types that can carry macros or scripts, refused by name when someone lists a file as an
 * artefact: .docm/.dotm/.xlsm/.xltm/.xlam/.pptm (Office with macros), web pages, SVG and scripts.
 */
const activeFileTypes = /\.(doc|dot|docm|dotm|xls|xlsm|xltm|xlsb|xlam|ppt|pptm|potm|ppsm|html?|xhtml|svg|js|mjs|vbs|exe|bat|cmd|ps1|hta|jar)$/i;

/**
 * A template a blueprint links to, by slug. Files are never linked directly: downloads are
 * generated from templates in src/content/templates/, so nothing a reader opens is an upload.
 */
export const artefact = z
  .string({ error: 'should be the slug of a template, e.g. benefits-register' })
  .trim()
  .superRefine((value, ctx) => {
    const slugExample = value.replace(/\.[a-z0-9]+$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'benefits-register';
    if (activeFileTypes.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is a file of a type that can carry macros or scripts, which the site never publishes: list a template in src/content/templates/ by its slug, e.g. ${slugExample}, and its Word and CSV files are generated from it`,
      });
    } else if (/\.[a-z0-9]{1,5}$/i.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is a file name: list a template by its slug instead, e.g. ${slugExample}. Its Word and CSV files are generated from src/content/templates/${slugExample}.yaml; to share a new template, write it there`,
      });
    } else if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a template slug: use lower-case letters, digits and hyphens, e.g. benefits-register` });
    }
  });

export function slugs() {
  return z
    .array(slug)
    .refine((items) => new Set(items).size === items.length, { error: 'lists an entry twice: remove the repeat' })
    .default([]);
}

/**
 * https://, a host of dot-separated labels (two at least), then anything after a /, ? or #. Each
 * label holds no dot, so the pattern reads a long address once instead of trying every dot.
 */
const webAddressPattern = /^https:\/\/[^\s/?#.]+(?:\.[^\s/?#.]+)+(?:[/?#]\S*)?$/;

/**
 * A public web address starting https://. Pages link to it as written, so http:// (readers sent
 * to an unencrypted page) is refused, as are an address missing its //, one with a space or
 * without a dotted host name, and a user name or password before the host (a published credential).
 */
export function webAddress(what: string) {
  const example = 'e.g. https://www.england.nhs.uk/digitaltechnology/';
  return z
    .string({ error: (issue) => (issue.input === undefined ? `is required: give ${what} as a web address starting https://` : `should be a web address starting https://; got ${describe(issue.input)}`) })
    .trim()
    .refine((v) => webAddressPattern.test(v) && parseUrl(v) !== undefined, {
      abort: true,
      error: (issue) =>
        /^http:\/\//i.test(String(issue.input).trim())
          ? `${describe(issue.input)} starts with http://, and only https:// addresses are accepted: use the page's https:// address`
          : `${describe(issue.input)} is not a full web address: write ${what} in full, starting https://, ${example}`,
    })
    .refine((v) => parseUrl(v)?.username === '' && parseUrl(v)?.password === '', {
      error: 'has a user name or password before the @: remove it, the address must work for every reader',
    });
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * One email address: a dot-atom before the @ (no commas, quotes or spaces, which a mail library
 * would read as a list of addresses), then dot-separated labels, none holding a dot, so it is read
 * once however long the text.
 */
export const emailAddress = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/** An email address, or a web address to a contact form (one address, with no @ or comma to be read as another). */
export const contact = z
  .string({ error: 'is required: give an email address or a web address where readers can reach the team' })
  .trim()
  .refine((v) => emailAddress.test(v) || (webAddressPattern.test(v) && !/[@,]/.test(v)), {
    error: 'should be one email address (team@example.nhs.uk) or one web address starting https://',
  });

/** The person or team who keeps an entry up to date and gets the review reminder. */
export const owner = z.object(
  {
    /** Name of the person or team, e.g. "Digital transformation team". */
    name: text({ max: 100, what: 'the name of the person or team who keeps this up to date' }),
    /** Their role, e.g. "Chief clinical information officer". */
    role: text({ max: 100, what: 'their role' }).optional(),
    /** GitHub user name, without @, so review reminders can mention them. */
    github: z
      .string()
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, { error: 'should be a GitHub user name without the @, e.g. jsmith-nhs' })
      .optional(),
  },
  { error: 'is required: give the owner as name (and optionally role and github)' },
);

/** How often an entry is reviewed if it does not say: 12 months. */
export const defaultReviewMonths = 12;

export function addMonths(d: Date, months: number): Date {
  const next = new Date(d.getTime());
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}
