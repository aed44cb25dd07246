/**
 * Search quality over the real built Pagefind index: realistic queries (acronyms, expansions,
 * misspellings, questions) and the pages a reader should find in the top three. Each query runs
 * through the search page itself, so query correction and stop words are part of what is tested.
 *
 * Expectations name bundled content; when a blueprint is renamed, update its line here.
 */
import { describe, expect, it } from 'vitest';
import { isListed } from '../../src/lib/schema';
import { useSite } from '../support/site';
import { allResults, searchAt, searchSite } from '../support/search/search-page';
import { expectedContent } from '../support/content';
import { paths } from '../../src/lib/content/urls';
import { readVocabulary } from '../../src/node/content-files';
import { phraseKey } from '../../src/lib/search/synonyms';

const b = paths.blueprint;
const p = paths.playbook;

/** Query → pages that must all be among the first three results. */
const topThree: [string, string[]][] = [
  ['ePMA', [b('epma-on-every-adult-inpatient-ward'), b('closed-loop-medicines-administration-in-critical-care')]],
  ['e-prescribing', [b('epma-on-every-adult-inpatient-ward'), b('closed-loop-medicines-administration-in-critical-care')]],
  ['electronic prescribing', [b('epma-on-every-adult-inpatient-ward'), b('closed-loop-medicines-administration-in-critical-care')]],
  ['e-prescibing', [b('epma-on-every-adult-inpatient-ward')]],
  ['CCIO', [b('ccio-appointed-without-protected-time'), b('ccio-role-with-protected-sessions-in-a-small-trust')]],
  ['chief clinical information officer', [b('chief-clinical-information-officer-shared-with-an-acute-neighbour')]],
  ['how much time should a CCIO get', [b('ccio-appointed-without-protected-time'), b('ccio-role-with-protected-sessions-in-a-small-trust')]],
  ['EPR business case', [b('epr-business-case-with-realistic-benefits')]],
  ['electronic patient record business case', [b('epr-business-case-with-realistic-benefits')]],
  ['super users and backfill', [b('super-users-and-backfill-for-epr-go-live')]],
  ['what went wrong with a big bang go-live', [b('big-bang-go-live-with-too-little-training')]],
  ['wifi', [b('wi-fi-and-device-refresh-before-an-epr')]],
  ['data security and protection toolkit', [b('cyber-security-baseline-in-eighteen-months')]],
  ['virtual ward', [b('remote-monitoring-virtual-ward-for-heart-and-lung-conditions')]],
  ['telehealth', [b('remote-monitoring-virtual-ward-for-heart-and-lung-conditions')]],
  ['shared care record', [b('shared-care-record-across-the-icb')]],
  ['GP Connect', [b('gp-records-in-the-epr-with-gp-connect')]],
  ['digital inclusion for the NHS App', [b('nhs-app-digital-inclusion-in-general-practice')]],
  ['dashboards nobody used', [b('dashboards-nobody-opened')]],
  ['ePCR', [b('ambulance-electronic-patient-care-records')]],
  ['clinical safety officer DCB0160', [b('clinical-safety-officer-network-for-dcb0160')]],
  ['CNIO', [b('cnio-and-nursing-digital-leads-before-epr')]],
  ['chief nursing information officer', [b('cnio-and-nursing-digital-leads-before-epr')]],
  ['apprenticeships', [b('growing-informatics-staff-through-apprenticeships')]],
  ['community nurses with tablets', [b('mobile-working-for-community-nursing')]],
  ['clinical design authority', [b('clinical-design-authority-for-epr-decisions')]],
  ['prioritising digital projects', [b('scoring-and-prioritising-a-digital-portfolio')]],
  ['why did patients not use the portal', [b('patient-portal-that-patients-did-not-use')]],
  ['benefits realisation', [b('benefits-register-for-a-digital-programme')]],
  ['eObs', [b('electronic-observations-in-nine-months')]],
  // Found nothing as typed: a slip from a name the site knows, or a name run together, is read as the name.
  ['ccoi', [b('ccio-appointed-without-protected-time'), b('ccio-role-with-protected-sessions-in-a-small-trust')]],
  ['eobservations', [b('electronic-observations-in-nine-months')]],
  ['optimisation after go-live', [b('ninety-day-optimisation-after-go-live')]],
  ['digital strategy for the board', [b('three-year-digital-strategy-agreed-with-the-board')]],
  ['barcode scanning of medicines', [b('closed-loop-medicines-administration-in-critical-care')]],
  ['interoperabilty', [b('gp-records-in-the-epr-with-gp-connect')]],
  ['foundations before an EPR', [p('get-the-foundations-right-before-an-epr')]],
  ['hazard log template', [paths.template('clinical-safety-hazard-log')]],
  ['CCIO job description', [paths.template('ccio-job-description-and-job-plan')]],
];

/** Acronyms and what they stand for, which must find the same blueprints. */
const equivalents: string[][] = [
  ['ePMA', 'e-prescribing', 'electronic prescribing'],
  ['CCIO', 'chief clinical information officer'],
  ['EPR', 'electronic patient record'],
  ['CNIO', 'chief nursing information officer'],
  ['DSPT', 'data security and protection toolkit'],
];

describe('search quality on the bundled content', () => {
  const site = useSite();
  const search = (query: string) => searchSite(site, query);

  it('has at least 20 queries, each naming pages that exist in the content', () => {
    expect(topThree.length).toBeGreaterThanOrEqual(20);
    const { blueprints, playbooks, templates } = expectedContent();
    const known = new Set([...blueprints.map((x) => b(x.slug)), ...playbooks.map((x) => p(x.slug)), ...templates.map((x) => paths.template(x.slug))]);
    for (const [query, expected] of topThree) for (const path of expected) expect(known.has(path), `${query}: ${path} is not in the content`).toBe(true);
  });

  it.each(topThree)('finds the expected pages in the top three for "%s"', async (query, expected) => {
    const { paths: found, status } = await search(query);
    for (const path of expected) expect(found.slice(0, 3), `${status}\n${found.slice(0, 5).join('\n')}`).toContain(path);
  });

  it.each(equivalents)('finds every blueprint that uses any of "%s" and its equivalents, whichever is searched', async (...phrases) => {
    // The blueprints that mention any form, worked out from the content with the same vocabulary.
    const synonyms = readVocabulary(process.cwd());
    const group = synonyms.groups.find((g) => g.some((t) => phraseKey(t) === phraseKey(phrases[0])))!;
    for (const phrase of phrases) expect(group.map(phraseKey), phrase).toContain(phraseKey(phrase));
    const mentioning = expectedContent()
      .blueprints.filter((x) => isListed(x.data))
      .filter((x) => synonyms.mentioned(`${x.data.title} ${x.data.summary} ${x.data.keyQuestions.join(' ')}`).some((m) => m.group === group))
      .map((x) => b(x.slug));
    expect(mentioning.length, `no blueprint mentions ${phrases[0]} in its title, summary or questions`).toBeGreaterThan(0);
    for (const phrase of phrases) {
      const { page, close } = await site.open();
      try {
        await searchAt(page, `${site.url(paths.search())}?q=${encodeURIComponent(phrase)}`);
        const found = await allResults(page);
        for (const path of mentioning) expect(found, `"${phrase}" misses ${path}`).toContain(path);
      } finally {
        await close();
      }
    }
  });
});
