/**
 * An adoption record: one organisation saying it is using (or tried) another's blueprint. One YAML
 * file per organisation and blueprint in src/content/adoptions/, named
 * `<organisation>--<blueprint>.yaml`, e.g. ashwyre-valley-hospitals--electronic-observations-in-nine-months.yaml.
 * When the adoption moves on (piloting, live, or abandoned), the same file is updated.
 *
 * Records are public. A contact is published only when the adopting organisation says so
 * (`contactOptIn: true`), and only as an address at an NHS or public-sector domain, so a personal
 * mailbox never ends up on the site.
 */
import { z } from 'astro/zod';
import { month, oneOf, slug, text } from './fields';
import { adoptionStages } from './adoption-stages';

export { adoptionStages, type AdoptionStage } from './adoption-stages';

/**
 * Domains an adoption contact may be at: NHS mail and NHS organisations' own domains, and public
 * sector ones (councils run adult social care). Any other domain may be a personal mailbox.
 */
export const contactDomains = ['nhs.net', 'nhs.uk', 'gov.uk'] as const;

function atContactDomain(address: string): boolean {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return contactDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** A shared team email address at an organisation's own domain. */
const adoptionContact = z
  .string({ error: 'should be an email address, e.g. digital.team@example.nhs.uk' })
  .trim()
  .refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { abort: true, error: 'should be an email address, e.g. digital.team@example.nhs.uk' })
  .refine(atContactDomain, {
    error: `is not at an organisation's domain: use a team address ending ${contactDomains.map((d) => `@…${d}`).join(', ')}, never a personal mailbox`,
  });

/** The record's fields, before the rules between them (for the open-data API's record). */
export const adoptionFields = z.strictObject({
  /** Slug of the organisation that adopted the blueprint (its file name in src/content/organisations/). */
  organisation: slug,
  /** Slug of the blueprint or redprint adopted (its file name in src/content/blueprints/). */
  blueprint: slug,
  /** exploring, piloting, live or abandoned: where the adoption is now. */
  stage: oneOf(adoptionStages),
  /** The month the adoption reached this stage, as YYYY-MM. */
  date: month,
  /** What happened, or why it was abandoned, in one or two sentences. */
  outcome: text({ max: 300, what: 'what happened, in one or two sentences' }).optional(),
  /** True only when the adopting organisation agrees to publish a contact for this adoption. */
  contactOptIn: z.boolean({ error: 'should be true or false' }).default(false),
  /** A team email address at the organisation's domain. Published only with contactOptIn: true. */
  contact: adoptionContact.optional(),
  /** True when this is example content about a made-up organisation. Every page built from it says so. */
  illustrative: z.boolean({ error: 'should be true or false' }).default(false),
});

export const adoptionSchema = adoptionFields.superRefine((data, ctx) => {
  if (data.contact && !data.contactOptIn) {
    ctx.addIssue({
      code: 'custom',
      path: ['contact'],
      message: 'is given without contactOptIn: true: publish a contact only when the organisation agrees, by adding contactOptIn: true, or remove the contact',
    });
  }
  if (data.contactOptIn && !data.contact) {
    ctx.addIssue({ code: 'custom', path: ['contact'], message: 'is missing, but contactOptIn is true: give a team email address, or set contactOptIn: false' });
  }
  if (data.organisation === data.blueprint) {
    ctx.addIssue({ code: 'custom', path: ['blueprint'], message: 'is the same as the organisation: give the slug of the blueprint that was adopted' });
  }
});

export type Adoption = z.output<typeof adoptionSchema>;

/** The file name (without extension) an adoption record must have. */
export function adoptionSlug(organisation: string, blueprint: string): string {
  return `${organisation}--${blueprint}`;
}
