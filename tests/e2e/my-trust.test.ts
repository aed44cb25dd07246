/**
 * A reader sets their trust's profile and the list of blueprints, redprints and playbooks reorders,
 * closest first, with the reasons shown. The expected order comes from the same scoring code over
 * the bundled content, never from a list written here.
 */
import { describe, expect, it } from 'vitest';
import { closestShown, rankEntries, type TrustProfile } from '../../src/lib/match';
import { axeViolations, formatViolations } from '../support/axe';
import { bundledMatchData } from '../support/guide';
import { useSite } from '../support/site';
import { expectedContent } from '../support/content';
import { isIllustrativeBlueprint } from '../../src/lib/content/illustrative';
import { fundingSources, inSentence, labelOf } from '../../src/lib/schema/taxonomy';
import type { Page } from 'playwright-core';

const listed = (page: Page, list: 'closer' | 'rest') => page.locator(`[data-${list}] > li`).evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.matchId));

describe('finding guidance for my trust', () => {
  const site = useSite();

  it('reorders the list for the profile a reader sets, with the reasons, and remembers it', async () => {
    const { page } = await site.open();
    await page.goto(site.url('/my-trust/'));
    await page.locator('[data-status]:not(:empty)').waitFor();
    const before = await listed(page, 'rest');
    await page.getByLabel('Main care setting').selectOption('acute');
    await page.getByLabel('EPR supplier').selectOption('epic');
    await page.getByRole('group', { name: 'Is an electronic patient record in place?' }).getByLabel('No', { exact: true }).check();
    await page.getByLabel('Where the money would most likely come from').selectOption('local-authority');
    await page.getByRole('button', { name: 'Show guidance for my trust' }).click();
    await page.waitForURL(/my-trust\/\?setting=acute&supplier=epic&epr=no&funding=local-authority$/);
    await page.locator('[data-closer-section]').waitFor({ state: 'visible' });

    const profile: TrustProfile = { setting: 'acute', supplier: 'epic', epr: 'no', funding: 'local-authority' };
    const ranked = rankEntries(profile, bundledMatchData().entries);
    const closer = await listed(page, 'closer');
    const rest = await listed(page, 'rest');
    expect(closer).toEqual(ranked.filter((s) => s.score > 0).slice(0, closestShown).map((s) => s.entry.id));
    expect(ranked.filter((s) => s.score > 0).length, 'more share something with this trust than are listed as closest').toBeGreaterThan(closestShown);
    await expect(page.locator('[data-status]').innerText()).resolves.toBe(`The ${closestShown} closest to your trust first, with the reasons; the other ${ranked.length - closestShown} follow.`);
    // Sent from the form, the page shows the list, below the questions, not its top again.
    await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-status'))).resolves.toBe(true);
    await expect(page.evaluate(() => document.querySelector('[data-status]')!.getBoundingClientRect().top)).resolves.toBeLessThan(10);
    expect([...closer, ...rest]).toEqual(ranked.map((s) => s.entry.id));
    expect([...closer, ...rest].sort()).toEqual([...before].sort());
    expect(before.sort()).toEqual(ranked.map((s) => s.entry.id).sort());
    const firstReasons = await page.locator('[data-closer] > li').first().locator('[data-reasons]').innerText();
    expect(firstReasons).toBe(`Why: ${ranked[0].reasons.join(' · ')}`);
    expect(firstReasons).toContain('same supplier (Epic)');
    // Blueprints a local authority helped pay for say so among their reasons.
    const council = ranked.filter((s) => s.entry.funding?.includes('local-authority')).map((s) => s.entry.id);
    expect(council.length).toBeGreaterThan(0);
    for (const id of council) await expect(page.locator(`li[data-match-id="${id}"] [data-reasons]`).innerText()).resolves.toContain('paid for the same way (local authority)');
    await expect(page.locator('[data-similar-list] a').count()).resolves.toBeGreaterThan(0);

    // Every made-up organisation's entry in the ranked list says so, as on every other list.
    const made = new Set(expectedContent().blueprints.filter((b) => isIllustrativeBlueprint(b.data, expectedContent().organisations.find((o) => o.slug === b.data.organisation)?.data)).map((b) => b.slug));
    const labelled = await page.locator('[data-closer] > li, [data-rest] > li').evaluateAll((items) =>
      items.map((li) => [(li as HTMLElement).dataset.matchId, Boolean(li.querySelector('[data-illustrative-label]'))] as const),
    );
    expect(made.size).toBeGreaterThan(0);
    for (const [id, hasLabel] of labelled) if (made.has(id!)) expect(hasLabel, id).toBe(true);

    // Each blueprint says who paid for it, where its file does, in the words of the funding list.
    const details = new Map(await page.locator('[data-closer] > li, [data-rest] > li').evaluateAll((items) =>
      items.map((li) => [(li as HTMLElement).dataset.matchId!, li.querySelector('p')?.textContent ?? ''] as const),
    ));
    const paid = expectedContent().blueprints.filter((b) => details.has(b.slug) && b.data.funding.length > 0);
    expect(paid.length).toBeGreaterThan(0);
    for (const b of paid) {
      const names = b.data.funding.map((f) => inSentence(labelOf(fundingSources, f)));
      expect(details.get(b.slug), b.slug).toContain(`paid for by ${new Intl.ListFormat('en-GB').format(names)}`);
    }
    for (const b of expectedContent().blueprints.filter((x) => details.has(x.slug) && x.data.funding.length === 0)) expect(details.get(b.slug)).not.toContain('paid for by');

    // The profile stays in this browser: opening the bare address brings it back.
    await page.goto(site.url('/my-trust/'));
    await page.waitForURL(/my-trust\/\?setting=acute&supplier=epic&epr=no&funding=local-authority$/);
    await expect(page.getByLabel('EPR supplier').inputValue()).resolves.toBe('epic');
    await expect(page.getByLabel('Where the money would most likely come from').inputValue()).resolves.toBe('local-authority');

    // Clearing forgets it and goes back to the bare address on this site.
    await page.getByRole('button', { name: 'Clear my answers' }).click();
    await page.waitForURL((url) => url.href === site.url('/my-trust/'));
    await expect(page.getByLabel('EPR supplier').inputValue()).resolves.toBe('');
  });

  it('prefills the profile from an organisation the site knows', async () => {
    const { page } = await site.open();
    await page.goto(site.url('/my-trust/'));
    await page.getByLabel('Start from an organisation on this site (optional)').selectOption('northmoor-teaching-hospitals');
    await expect(page.getByLabel('Main care setting').inputValue()).resolves.toBe('acute');
    await expect(page.getByLabel('EPR supplier').inputValue()).resolves.toBe('oracle-health');
  });

  it('has no WCAG 2.2 AA problems, before and after a profile is set', async () => {
    const { page } = await site.open();
    for (const path of ['/my-trust/', '/my-trust/?setting=mental-health&supplier=tpp&epr=yes&maturity=developing']) {
      await page.goto(site.url(path));
      await page.locator('[data-status]:not(:empty)').waitFor();
      const violations = await axeViolations(page);
      expect(violations, formatViolations(path, violations)).toEqual([]);
    }
  });

  it('without JavaScript says matching needs it before the questions, offers no button that would do nothing, and lists the general playbooks', async () => {
    const { page } = await site.open({ javaScriptEnabled: false });
    await page.goto(site.url('/my-trust/?setting=acute'));
    const playbooks = bundledMatchData().entries.filter((e) => e.kind === 'playbook').map((e) => e.id);
    await expect(listed(page, 'rest').then((ids) => ids.sort())).resolves.toEqual(playbooks.sort());
    await expect(page.getByRole('button', { name: 'Show guidance for my trust' }).isVisible()).resolves.toBe(false);
    const note = page.getByText('Matching guidance to your trust happens in your browser, which needs JavaScript');
    await expect(note.isVisible()).resolves.toBe(true);
    const [noteTop, formTop] = await Promise.all([note.boundingBox(), page.locator('#profile-heading').boundingBox()]);
    expect(noteTop!.y, 'the note comes before the questions').toBeLessThan(formTop!.y);
    await expect(page.locator('[data-closer-section]').isVisible()).resolves.toBe(false);
  });
});
