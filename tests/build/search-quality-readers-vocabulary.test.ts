/**
 * Search quality for the words readers type about the newer topics (primary care, the NHS App,
 * EPR procurement, ransomware recovery, e-rostering, the digital staff passport) and for glossary
 * terms, over the real built Pagefind index and through the search page itself.
 *
 * The last group is acronyms a page defines for itself as "Full Name (ACRONYM)" and the glossary
 * does not hold (src/lib/search/defined-acronyms.ts): the test checks that, so each one can only
 * pass through the pairs the build finds in the content.
 *
 * Expectations name bundled content; when one of these pages is renamed, update its line here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/site';
import { searchSite } from '../support/search/search-page';
import { expectedContent } from '../support/content';
import { paths } from '../../src/lib/content/urls';

const b = paths.blueprint;
const p = paths.playbook;

/** Query → pages that must all be among the first three results. */
const topThree: [string, string[]][] = [
  // Primary care.
  ['primary care network', [b('nhs-app-digital-inclusion-in-general-practice')]],
  ['GP practice online triage', [b('online-consultations-switched-on-before-triage-changed')]],
  ['PCN digital inclusion', [b('nhs-app-digital-inclusion-in-general-practice')]],
  // The NHS App.
  ['NHS App hospital letters', [b('hospital-appointments-and-letters-in-the-nhs-app')]],
  ['Wayfinder', [b('hospital-appointments-and-letters-in-the-nhs-app')]],
  ['helping older patients use the NHS App', [b('nhs-app-digital-inclusion-in-general-practice')]],
  // EPR procurement.
  ['EPR procurement', [b('procuring-an-epr-through-a-national-framework')]],
  ['EPR framework mini-competition', [b('procuring-an-epr-through-a-national-framework')]],
  ['are we ready for an EPR', [b('epr-readiness-assessment-before-procurement')]],
  // Ransomware recovery.
  ['cyber attack recovery', [b('recovering-from-ransomware-with-backups-never-restored')]],
  ['immutable backups', [b('recovering-from-ransomware-with-backups-never-restored')]],
  ['restore backups after ransomware', [b('recovering-from-ransomware-with-backups-never-restored')]],
  // E-rostering.
  ['e-rostering', [b('e-rostering-linked-to-esr-in-a-community-trust')]],
  ['ESR', [b('e-rostering-linked-to-esr-in-a-community-trust')]],
  ['rostering linked to the Electronic Staff Record', [b('e-rostering-linked-to-esr-in-a-community-trust')]],
  ['rotas for community teams', [b('e-rostering-linked-to-esr-in-a-community-trust')]],
  // The digital staff passport.
  ['staff passport', [b('digital-staff-passport-for-doctors-rotating-between-trusts')]],
  ['doctors rotating between trusts', [b('digital-staff-passport-for-doctors-rotating-between-trusts')]],
  // Glossary terms.
  ['five case model', [b('epr-business-case-with-realistic-benefits')]],
  ['Caldicott guardian', [b('shared-care-record-across-the-icb')]],
  ['Cyber Essentials', [b('cyber-security-baseline-in-eighteen-months')]],
  ['hazard log', [b('clinical-safety-officer-network-for-dcb0160')]],
  ['Wachter review', [b('ccio-appointed-without-protected-time')]],
  ['What Good Looks Like digital strategy', [b('three-year-digital-strategy-agreed-with-the-board')]],
  ['downtime procedures', [b('downtime-drills-for-an-epr-hosted-by-a-neighbour')]],
  ['five case model business case', [b('epr-business-case-with-realistic-benefits')]],
  ['choosing an EPR supplier', [p('choose-buy-and-move-onto-an-epr')]],
];

/** Acronym → pages it must find in the top three, defined only in a page's own text. */
const definedInContent: [string, string[]][] = [
  // Defined in the virtual ward blueprint; the ambulance blueprint only says "same day emergency care".
  ['SDEC', [b('remote-monitoring-virtual-ward-for-heart-and-lung-conditions'), b('ambulance-electronic-patient-care-records')]],
];

describe('search quality for the words readers type', () => {
  const site = useSite();
  const search = (query: string) => searchSite(site, query);

  it('names only pages that exist in the content', () => {
    const { blueprints, playbooks } = expectedContent();
    const known = new Set([...blueprints.map((x) => b(x.slug)), ...playbooks.map((x) => p(x.slug))]);
    for (const [query, expected] of [...topThree, ...definedInContent]) {
      for (const path of expected) expect(known.has(path), `${query}: ${path} is not in the content`).toBe(true);
    }
  });

  it('uses acronyms the glossary and the synonyms file do not hold', () => {
    const vocabulary = readFileSync('src/content/glossary.yaml', 'utf8') + readFileSync('src/content/synonyms.yaml', 'utf8');
    for (const [acronym] of definedInContent) expect(new RegExp(`\\b${acronym}\\b`).test(vocabulary), acronym).toBe(false);
  });

  it.each([...topThree, ...definedInContent])('finds the expected pages in the top three for "%s"', async (query, expected) => {
    const { paths: found, status } = await search(query);
    for (const path of expected) expect(found.slice(0, 3), `${status}\n${found.slice(0, 5).join('\n')}`).toContain(path);
  });
});
