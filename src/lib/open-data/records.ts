/**
 * Catalogue entries → API records: the validated front-matter with dates as YYYY-MM-DD and the
 * derived fields (web addresses, related blueprints, citing playbooks). Pure: addresses and
 * related blueprints are passed in, so this runs in plain Node.
 */
import { isoDate, type Catalogue, type Entry } from '../content/catalogue';
import type { Adoption, Blueprint, GlossaryTerm, Playbook } from '../schema';
import type { z } from 'astro/zod';
import type { owner } from '../schema/fields';
import { vocabularies } from './taxonomy';
import type { AdoptionRecord, BlueprintRecord, GlossaryRecord, OrganisationRecord, PlaybookRecord, VocabularyRecord } from './schemas';

export interface Addresses {
  /** Absolute address of a blueprint's, playbook's or organisation's page. */
  page(kind: 'blueprint' | 'playbook' | 'organisation', slug: string): string;
  /** Absolute address of a file in the API, e.g. "blueprints/x.json". */
  file(name: string): string;
}

/** Newest first, then by slug, so the order is the same in every build. */
function newestFirstBySlug(a: Entry<Blueprint>, b: Entry<Blueprint>): number {
  return b.data.published.getTime() - a.data.published.getTime() || compareText(a.slug, b.slug);
}

/** The owner without their GitHub user name, which no page shows (see schemas.ts). */
function publicOwner({ name, role }: z.output<typeof owner>) {
  return role === undefined ? { name } : { name, role };
}

/** Code-point order: the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An adoption as the API publishes it: the contact only where the organisation opted in. */
export function adoptionRecord({ organisation, stage, date, outcome, contactOptIn, contact, illustrative }: Adoption): AdoptionRecord {
  return {
    organisation,
    stage,
    date,
    ...(outcome === undefined ? {} : { outcome }),
    ...(contactOptIn && contact ? { contact } : {}),
    illustrative,
  };
}

export function blueprintRecord(
  entry: Entry<Blueprint>,
  derived: { related: string[]; playbooks: string[]; adoptions?: AdoptionRecord[]; adaptedInto?: string[] },
  addresses: Addresses,
): BlueprintRecord {
  const { published, lastReviewed, reviewBy, owner, ...data } = entry.data;
  return {
    slug: entry.slug,
    url: addresses.page('blueprint', entry.slug),
    dataUrl: addresses.file(blueprintFileName(entry.slug)),
    ...data,
    owner: publicOwner(owner),
    published: isoDate(published),
    lastReviewed: isoDate(lastReviewed),
    reviewBy: isoDate(reviewBy),
    relatedBlueprints: derived.related,
    playbooks: derived.playbooks,
    adoptions: derived.adoptions ?? [],
    adaptedInto: derived.adaptedInto ?? [],
  };
}

export function blueprintFileName(slug: string): string {
  return `blueprints/${slug}.json`;
}

/**
 * Every listed blueprint (published or needs-review: drafts and archived ones are left out, as
 * in the site's lists), newest first. `related` gives a blueprint's related blueprints.
 */
export function blueprintRecords(catalogue: Catalogue, related: (slug: string) => string[], addresses: Addresses): BlueprintRecord[] {
  const listed = new Set(catalogue.blueprints.map((b) => b.slug));
  return [...catalogue.blueprints].sort(newestFirstBySlug).map((b) =>
    blueprintRecord(
      b,
      {
        // A related or citing entry that is not listed would be a dead end for a consumer.
        related: related(b.slug).filter((s) => listed.has(s)),
        playbooks: catalogue.playbooksCiting(b.slug).map((p) => p.slug).sort(compareText),
        adoptions: catalogue.adoptionsOf(b.slug).map((a) => adoptionRecord(a.data)),
        adaptedInto: catalogue.adaptedInto(b.slug).map((x) => x.slug),
      },
      addresses,
    ),
  );
}

export function playbookRecords(catalogue: Catalogue, addresses: Addresses): PlaybookRecord[] {
  return [...catalogue.playbooks]
    .sort((a, b) => compareText(a.slug, b.slug))
    .map((p: Entry<Playbook>) => {
      const { published, lastReviewed, reviewBy, owner, ...data } = p.data;
      return {
        slug: p.slug,
        url: addresses.page('playbook', p.slug),
        ...data,
        owner: publicOwner(owner),
        published: isoDate(published),
        lastReviewed: isoDate(lastReviewed),
        reviewBy: isoDate(reviewBy),
      };
    });
}

export function organisationRecords(catalogue: Catalogue, addresses: Addresses): OrganisationRecord[] {
  return [...catalogue.organisations]
    .sort((a, b) => compareText(a.slug, b.slug))
    .map((o) => ({
      slug: o.slug,
      url: addresses.page('organisation', o.slug),
      ...o.data,
      blueprints: [...catalogue.byOrganisation(o.slug)].sort(newestFirstBySlug).map((b) => b.slug),
    }));
}

export function glossaryRecords(terms: { id: string; data: GlossaryTerm }[]): GlossaryRecord[] {
  return [...terms]
    .sort((a, b) => compareText(a.id, b.id))
    .map(({ id, data }) => ({
      id,
      term: data.term,
      ...(data.expansion === undefined ? {} : { expansion: data.expansion }),
      definition: data.definition,
      aliases: data.aliases,
    }));
}

export function vocabularyRecords(): VocabularyRecord[] {
  return vocabularies.map((v) => ({
    id: v.id,
    label: v.label,
    usedBy: [...v.usedBy],
    terms: v.terms.map((t) => ({ id: t.value, label: t.label, ...(t.description === undefined ? {} : { description: t.description }) })),
  }));
}
