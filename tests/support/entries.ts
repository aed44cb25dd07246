/**
 * Catalogue entries for unit tests, passed through the real schemas: a valid organisation and a
 * valid blueprint, each with any field overridden.
 */
import type { Entry } from '../../src/lib/content/catalogue';
import { adoptionSchema, adoptionSlug, blueprintSchema, organisationSchema, type Adoption, type Blueprint, type Organisation } from '../../src/lib/schema';

export function organisationEntry(slug: string, fields: Record<string, unknown> = {}): Entry<Organisation> {
  return {
    slug,
    filePath: `src/content/organisations/${slug}.yaml`,
    data: organisationSchema.parse({ name: `${slug} NHS Trust`, odsCode: 'X1A01', careSetting: 'acute', region: 'london', programme: 'none', description: 'A test organisation.', ...fields }),
  };
}

export function blueprintEntry(slug: string, fields: Record<string, unknown> = {}): Entry<Blueprint> {
  return {
    slug,
    filePath: `src/content/blueprints/${slug}.mdx`,
    data: blueprintSchema.parse({
      domain: 'workforce',
      title: `Training ward staff for ${slug}`,
      summary: 'A summary that is long enough to pass the minimum length for summaries.',
      keyQuestions: ['How do we train staff?'],
      organisation: 'alpha',
      pillars: ['support-people'],
      careSettings: ['acute'],
      audience: ['cio'],
      cost: { band: 'under-50k' },
      outcome: { evidence: 'anecdotal', headline: 'Staff felt ready on go-live day.' },
      timeline: { start: '2023-01' },
      published: '2025-01-01',
      owner: { name: 'Digital team' },
      contact: 'team@example.nhs.uk',
      ...fields,
    }),
  };
}

export function adoptionEntry(organisation: string, blueprint: string, fields: Record<string, unknown> = {}): Entry<Adoption> {
  const slug = adoptionSlug(organisation, blueprint);
  return { slug, filePath: `src/content/adoptions/${slug}.yaml`, data: adoptionSchema.parse({ organisation, blueprint, stage: 'live', date: '2025-03', ...fields }) };
}
