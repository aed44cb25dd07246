/**
 * The licence the site publishes its content under, for the footer, the contribute page, the
 * open-data API and its documentation: the first of the licences in the taxonomy
 * (src/lib/schema/taxonomy.ts), with its address. A blueprint may say otherwise in its own
 * `licence` field.
 */
import { licences } from '../schema/taxonomy';

const [siteLicence] = licences;

export const contentLicence = {
  /** The value a blueprint's `licence` field uses for it (its SPDX identifier is OGL-UK-3.0). */
  id: siteLicence.value,
  name: siteLicence.label,
  url: siteLicence.url,
} as const;
