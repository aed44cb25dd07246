import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adoptionData, checkAdoptionIssue } from '../../src/lib/contribute/adoption-proposal';
import { blueprintAnswer } from '../../src/lib/contribute/answers';
import { adoptionForm } from '../../src/lib/contribute/issue-form';
import type { Issue } from '../../src/lib/contribute/issue-proposal';
import { kindOf, type ContentFile } from '../../src/lib/validate';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';
import { adoptionAnswers, issueBody } from '../fixtures/contribute/answers';

const dir = 'tests/fixtures/contribute/adoption-content';
const files: ContentFile[] = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.(mdx|yaml)$/.test(name))
  .map((name) => ({ path: `${dir}/${name}`, source: readFileSync(`${dir}/${name}`, 'utf8'), kind: kindOf(name) }));

function issue(body: string): Issue {
  return { number: 31, title: 'We are using: x', body, state: 'open', labels: adoptionForm.labels, createdAt: '2025-02-03T10:00:00Z', isPullRequest: false };
}

describe('reading a "We are using this" answer', () => {
  it('takes the blueprint from its slug or from a pasted page address', () => {
    expect(blueprintAnswer(' Electronic-Observations ')).toBe('electronic-observations');
    expect(blueprintAnswer('https://example.org/commons/blueprints/electronic-observations/?from=search#top')).toBe('electronic-observations');
  });

  it('publishes a contact only when the adopter said yes, and keeps the outcome on one line', () => {
    expect(adoptionData({ ...adoptionAnswers, contactOptIn: 'no' }, 'fellbrook-hospitals')).toEqual({
      organisation: 'fellbrook-hospitals',
      blueprint: 'discharge-letters-to-gps-same-day',
      stage: 'piloting',
      date: '2025-01',
      outcome: 'Piloting on two medical wards. Letters reach practices the same day for most patients.',
    });
    expect(adoptionData(adoptionAnswers, 'fellbrook-hospitals')).toMatchObject({ contactOptIn: true, contact: 'discharge.team@fellbrook.example.nhs.uk' });
  });
});

describe('checking a "We are using this" issue', () => {
  it('turns valid answers into a record with no problems, at its place in the repository', () => {
    const checked = checkAdoptionIssue(issue(issueBody(adoptionAnswers, adoptionForm)), files, `${dir}/adoptions`, nativeMdxParser);
    expect(checked.problems).toEqual([]);
    expect(checked.repoPath).toBe('src/content/adoptions/fellbrook-hospitals--discharge-letters-to-gps-same-day.yaml');
  });

  it('asks for the declaration when it is not ticked', () => {
    const checked = checkAdoptionIssue(issue(issueBody({ ...adoptionAnswers, confirm: [] }, adoptionForm)), files, `${dir}/adoptions`, nativeMdxParser);
    expect(checked.problems).toEqual([{ where: 'Before you submit', message: expect.stringMatching(/needs both boxes ticked/) }]);
  });

  it('tells an organisation not on the site yet that a maintainer will add it', () => {
    const answers = { ...adoptionAnswers, organisation: 'not-listed', 'organisation-name': 'Eastfield Hospitals NHS Trust' };
    const checked = checkAdoptionIssue(issue(issueBody(answers, adoptionForm)), files, `${dir}/adoptions`, nativeMdxParser);
    expect(checked.problems).toEqual([{ where: 'Your organisation', message: expect.stringMatching(/^"Eastfield Hospitals NHS Trust" is not on the site yet/) }]);
  });

  it('says when the organisation is the blueprint’s own publisher', () => {
    const checked = checkAdoptionIssue(issue(issueBody({ ...adoptionAnswers, organisation: 'northmoor-teaching-hospitals' }, adoptionForm)), files, `${dir}/adoptions`, nativeMdxParser);
    expect(checked.problems).toEqual([{ where: 'Your organisation', message: expect.stringMatching(/publishes "discharge-letters-to-gps-same-day" itself/) }]);
  });
});
