/**
 * The shape of every file in the open-data API, as zod schemas built from the same schemas that
 * validate the content, with dates as YYYY-MM-DD strings and the fields the build derives. The
 * JSON Schema published beside each file is zod's own conversion of these (see json-schemas.ts),
 * so the two cannot drift apart.
 */
import { z } from 'astro/zod';
import { adoptionFields, blueprintSchema, glossaryTermSchema, organisationSchema, playbookSchema } from '../schema';
import { owner, slug } from '../schema/fields';
import { apiVersion, schemaVersion } from './version';

export { apiVersion, schemaVersion };

const day = z.iso.date().describe('A calendar date written YYYY-MM-DD.');
const address = z.url().describe('An absolute web address.');

/**
 * The owner as the site shows it: name and role. Their GitHub user name is for review reminders
 * and is not published on any page, so the API leaves it out too.
 */
const publicOwner = z.strictObject(owner.omit({ github: true }).shape);

const licence = z.strictObject({
  id: z.string().describe('Short identifier, e.g. OGL-3.0.'),
  name: z.string(),
  url: address,
});

/**
 * One organisation's adoption of a blueprint, as its record says. The contact is published only
 * where the organisation opted in, so `contactOptIn` itself is not repeated.
 */
export const adoptionRecordSchema = adoptionFields
  .pick({ organisation: true, stage: true, date: true, outcome: true, contact: true, illustrative: true })
  .describe('An organisation’s adoption of this blueprint: its stage, the month it reached it, and what happened.');

/** A blueprint's validated front-matter with the fields the build derives. */
export const blueprintRecordSchema = blueprintSchema.in
  .extend({
    published: day,
    lastReviewed: day,
    reviewBy: day,
    owner: publicOwner,
    slug: slug.describe('The blueprint’s stable identifier: its file name and the last part of its web address.'),
    url: address.describe('The blueprint’s page on the site.'),
    dataUrl: address.describe('This record as a file of its own.'),
    relatedBlueprints: z
      .array(slug)
      .describe('Up to four related blueprints, by slug: the author’s own choices first, then the most similar by content.'),
    playbooks: z.array(slug).describe('Slugs of the playbooks whose steps cite this blueprint.'),
    adoptions: z.array(adoptionRecordSchema).describe('Organisations that have said they are exploring, piloting, using or have abandoned this blueprint, most recent first.'),
    adaptedInto: z.array(slug).describe('Slugs of the listed blueprints whose adaptedFrom names this one, newest first.'),
  })
  .describe('A blueprint or redprint: the front-matter its author wrote, as validated, plus derived fields.');

export const playbookRecordSchema = playbookSchema.in
  .extend({
    published: day,
    lastReviewed: day,
    reviewBy: day,
    owner: publicOwner,
    slug: slug.describe('The playbook’s stable identifier.'),
    url: address.describe('The playbook’s page on the site.'),
  })
  .describe('A playbook: ordered steps citing blueprints as evidence.');

export const organisationRecordSchema = organisationSchema
  .safeExtend({
    slug: slug.describe('The organisation’s stable identifier.'),
    url: address.describe('The organisation’s page on the site.'),
    blueprints: z.array(slug).describe('Slugs of the listed blueprints it published or partnered on, newest first.'),
  })
  .describe('An organisation that publishes or partners on blueprints.');

export const glossaryRecordSchema = glossaryTermSchema
  .safeExtend({ id: slug.describe('Stable identifier of the term.') })
  .describe('A glossary term.');

export const termRecordSchema = z.strictObject({
  id: z.string().describe('Stable identifier: the value front-matter and web addresses use. Never changes once published.'),
  label: z.string().describe('What a reader sees. May be reworded.'),
  description: z.string().optional(),
});

export const vocabularyRecordSchema = z
  .strictObject({
    id: z.string().describe('Stable identifier of the vocabulary.'),
    label: z.string(),
    usedBy: z.array(z.string()).describe('The record fields that take a term id from this vocabulary, e.g. blueprint.pillars.'),
    terms: z.array(termRecordSchema),
  })
  .describe('A controlled vocabulary.');

const common = {
  $schema: address.describe('The JSON Schema this file follows.'),
  apiVersion: z.literal(apiVersion),
  schemaVersion: z.literal(schemaVersion),
  generatedAt: z.iso.datetime().describe('When the site was built. Every file of one build has the same value.'),
  licence: licence.describe('The licence the content is published under, unless a record says otherwise.'),
};

function fileOf<const K extends string, T extends z.ZodType>(key: K, items: T, description: string) {
  return z.strictObject({ ...common, ...({ [key]: items } as { [P in K]: T }) }).describe(description);
}

export const fileSchemas = {
  blueprints: fileOf('blueprints', z.array(blueprintRecordSchema), 'Every listed blueprint and redprint, newest first.'),
  blueprint: fileOf('blueprint', blueprintRecordSchema, 'One blueprint or redprint.'),
  playbooks: fileOf('playbooks', z.array(playbookRecordSchema), 'Every playbook, by slug.'),
  organisations: fileOf('organisations', z.array(organisationRecordSchema), 'Every organisation, by slug.'),
  taxonomy: fileOf('vocabularies', z.array(vocabularyRecordSchema), 'The controlled vocabularies, with stable term ids, labels and descriptions.'),
  glossary: fileOf('terms', z.array(glossaryRecordSchema), 'The glossary, by term id.'),
  index: fileOf(
    'files',
    z.array(
      z.strictObject({
        name: z.string().describe('The file’s name within the API, e.g. blueprints.json or blueprints/x.json.'),
        url: address,
        schema: address.optional().describe('The JSON Schema the file follows (JSON files only).'),
        mediaType: z.enum(['application/json', 'text/csv']),
        description: z.string(),
      }),
    ),
    'Links to every file in this version of the API.',
  ),
} as const;

export type FileName = keyof typeof fileSchemas;
export type BlueprintRecord = z.output<typeof blueprintRecordSchema>;
export type AdoptionRecord = z.output<typeof adoptionRecordSchema>;
export type PlaybookRecord = z.output<typeof playbookRecordSchema>;
export type OrganisationRecord = z.output<typeof organisationRecordSchema>;
export type GlossaryRecord = z.output<typeof glossaryRecordSchema>;
export type VocabularyRecord = z.output<typeof vocabularyRecordSchema>;
export type IndexFile = z.output<(typeof fileSchemas)['index']>;
export type Licence = z.output<typeof licence>;
