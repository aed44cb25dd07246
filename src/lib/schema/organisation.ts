/**
 * An organisation that publishes or partners on blueprints. One YAML file per organisation in
 * src/content/organisations/, named after its slug, e.g. northmoor-teaching-hospitals.yaml.
 */
import { z } from 'astro/zod';
import { careSettings, programmeStatuses, regions } from './taxonomy';
import { oneOf, slugs, text, webAddress } from './fields';

/**
 * ODS code: the NHS organisation code from the Organisation Data Service. Trusts have three
 * characters (e.g. RXX); their sites five; ICBs, practices and others follow their own pattern.
 * Fictional organisations use codes starting with X so they never clash with a real one.
 */
export const odsCode = z
  .string({ error: 'is required: give the ODS code (the NHS organisation code), e.g. RXX or X1A2B' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{3,6}$/, { error: 'is not an ODS code: use 3 to 6 capital letters or digits, e.g. RXX or X1A2B' });

export const organisationSchema = z.strictObject({
  /** Full name, e.g. "Northmoor Teaching Hospitals NHS Foundation Trust". */
  name: text({ min: 3, max: 120, what: 'the organisation’s full name' }),
  /** Short name used in tables, e.g. "Northmoor". Defaults to the full name. */
  shortName: text({ max: 40, what: 'a short name' }).optional(),
  /** ODS code, checked for format. */
  odsCode,
  /** The main care setting the organisation provides. */
  careSetting: oneOf(careSettings),
  /** NHS England region. */
  region: oneOf(regions),
  /** National digital programme the organisation took part in; `none` for everyone else. */
  programme: oneOf(programmeStatuses),
  /** Slugs of partner organisations, e.g. the Fast Follower paired with a GDE. */
  partners: slugs(),
  /** One or two sentences about the organisation. */
  description: text({ max: 400, what: 'a short description of the organisation' }),
  /** Web site, if it has one: a web address starting https://. */
  website: webAddress("the organisation's web site").optional(),
  /** True when the organisation is made up for example content. Every page built from it says so. */
  illustrative: z.boolean({ error: 'should be true or false' }).default(false),
});

export type Organisation = z.output<typeof organisationSchema>;
