/**
 * Search quality for the five topics added for issue 17 (primary care and neighbourhoods, the
 * NHS App in trusts, EPR procurement and decommissioning, data and resilience, workforce), over
 * the real built Pagefind index. The acronyms and misspellings at the end of the list appear in
 * none of the pages they should find, so they pass only because the glossary and synonyms.yaml
 * carry that vocabulary.
 *
 * Expectations name bundled content; when one of these pages is renamed, update its line here.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/site';
import { searchAt } from '../support/search/search-page';
import { expectedContent } from '../support/content';
import { paths } from '../../src/lib/content/urls';

const b = paths.blueprint;
const p = paths.playbook;

/** Query → pages that must all be among the first three results. */
const topThree: [string, string[]][] = [
  // Words and phrases readers type for these topics.
  ['neighbourhood team meeting', [b('neighbourhood-team-meetings-from-one-shared-record')]],
  ['online consultations', [b('online-consultations-switched-on-before-triage-changed')]],
  ['hospital appointments and letters in the NHS App', [b('hospital-appointments-and-letters-in-the-nhs-app')]],
  ['converging onto a neighbour EPR', [b('joining-a-neighbours-epic-record-instead-of-buying-our-own')]],
  ['ransomware backups', [b('recovering-from-ransomware-with-backups-never-restored')]],
  ['EPR downtime', [b('downtime-drills-for-an-epr-hosted-by-a-neighbour')]],
  ['population health data', [b('population-health-data-for-neighbourhood-teams')]],
  ['digital staff passport', [b('digital-staff-passport-for-doctors-rotating-between-trusts')]],
  ['choose and buy an EPR', [p('choose-buy-and-move-onto-an-epr')]],
  ['erostering', [b('e-rostering-linked-to-esr-in-a-community-trust')]],
  ['electronic rostering', [b('e-rostering-linked-to-esr-in-a-community-trust')]],
  ['MDT meeting', [b('neighbourhood-team-meetings-from-one-shared-record')]],
  ['basic digital skills', [b('digital-skills-e-learning-that-missed-the-staff-who-needed-it')]],
  ['switching off old systems', [b('old-systems-left-running-after-epr-go-live')]],
  // Acronyms the pages never write: only the glossary connects them to the words the pages use.
  ['HSSF', [b('procuring-an-epr-through-a-national-framework')]],
  ['IAT', [b('digital-staff-passport-for-doctors-rotating-between-trusts')]],
  ['PEP', [b('hospital-appointments-and-letters-in-the-nhs-app')]],
  ['BCP', [b('downtime-drills-for-an-epr-hosted-by-a-neighbour')]],
  ['DNA', [b('digital-appointment-letters-before-contact-details-were-right')]],
  ['PHM', [b('population-health-data-for-neighbourhood-teams')]],
  ['TCO', [b('procuring-an-epr-through-a-national-framework')]],
  // Misspellings synonyms.yaml corrects.
  ['decomissioning', [b('old-systems-left-running-after-epr-go-live')]],
  ['neighborhood', [b('neighbourhood-team-meetings-from-one-shared-record')]],
];

describe('search quality for the issue 17 topics', () => {
  const site = useSite();

  it('names only pages that exist in the content', () => {
    const { blueprints, playbooks } = expectedContent();
    const known = new Set([...blueprints.map((x) => b(x.slug)), ...playbooks.map((x) => p(x.slug))]);
    for (const [query, expected] of topThree) for (const path of expected) expect(known.has(path), `${query}: ${path} is not in the content`).toBe(true);
  });

  it.each(topThree)('finds the expected pages in the top three for "%s"', async (query, expected) => {
    const { page, close } = await site.open();
    try {
      const { paths: found, status } = await searchAt(page, `${site.url(paths.search())}?q=${encodeURIComponent(query)}`);
      for (const path of expected) expect(found.slice(0, 3), `${status}\n${found.slice(0, 5).join('\n')}`).toContain(path);
    } finally {
      await close();
    }
  });
});
