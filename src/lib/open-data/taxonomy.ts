/**
 * The vocabularies taxonomy.json publishes. Their ids are part of the API, so they are written
 * here rather than taken from variable names in src/lib/schema/taxonomy.ts, which may be renamed;
 * a unit test checks every vocabulary there is published here.
 */
import {
  audiences, capabilities, careSettings, contentTypes, costBands, domains, evidenceLevels, facets, fundingSources, licences,
  maturities, measureUnits, pillars, programmeStatuses, regions, standards, statuses, suppliers, type Term,
} from '../schema/taxonomy';
import { adoptionStages } from '../schema/adoption-stages';

export interface Vocabulary {
  id: string;
  label: string;
  /** Record fields that take a term id from it, as `kind.field`. */
  usedBy: readonly string[];
  terms: readonly Term[];
}

export const vocabularies: readonly Vocabulary[] = [
  { id: 'contentTypes', label: facets.type.label, usedBy: ['blueprint.type'], terms: contentTypes },
  { id: 'domains', label: facets.domain.label, usedBy: ['blueprint.domain', 'playbook.domain'], terms: domains },
  { id: 'pillars', label: facets.pillars.label, usedBy: ['blueprint.pillars'], terms: pillars },
  { id: 'capabilities', label: facets.capabilities.label, usedBy: ['blueprint.capabilities'], terms: capabilities },
  { id: 'careSettings', label: facets.careSettings.label, usedBy: ['blueprint.careSettings', 'organisation.careSetting'], terms: careSettings },
  { id: 'eprSuppliers', label: facets.eprSupplier.label, usedBy: ['blueprint.eprSupplier'], terms: suppliers },
  { id: 'standards', label: facets.standards.label, usedBy: ['blueprint.standards'], terms: standards },
  { id: 'audiences', label: facets.audience.label, usedBy: ['blueprint.audience', 'playbook.audience'], terms: audiences },
  { id: 'costBands', label: 'Cost band', usedBy: ['blueprint.cost.band'], terms: costBands },
  { id: 'fundingSources', label: facets.funding.label, usedBy: ['blueprint.funding'], terms: fundingSources },
  { id: 'evidenceLevels', label: 'Evidence level', usedBy: ['blueprint.outcome.evidence'], terms: evidenceLevels },
  { id: 'measureUnits', label: 'Outcome measure unit', usedBy: ['blueprint.outcome.measures.unit'], terms: measureUnits },
  { id: 'statuses', label: 'Status', usedBy: ['blueprint.status'], terms: statuses },
  { id: 'programmes', label: 'National programme', usedBy: ['organisation.programme'], terms: programmeStatuses },
  { id: 'regions', label: 'NHS England region', usedBy: ['organisation.region'], terms: regions },
  { id: 'maturities', label: 'Digital maturity', usedBy: ['playbook.maturity'], terms: maturities },
  { id: 'licences', label: 'Licence', usedBy: ['blueprint.licence'], terms: licences },
  { id: 'adoptionStages', label: 'Adoption stage', usedBy: ['blueprint.adoptions.stage'], terms: adoptionStages },
];
