/**
 * The licence the site publishes its content under, named once for the footer, the open-data
 * API and its documentation. A blueprint may say otherwise in its own `licence` field.
 */
export const contentLicence = {
  /** The value a blueprint's `licence` field uses for it (its SPDX identifier is OGL-UK-3.0). */
  id: 'OGL-3.0',
  name: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
} as const;
