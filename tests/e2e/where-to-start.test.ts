/**
 * A CIO answers the where-to-start guide, gets a tailored playbook, prints it and shares the
 * address; a fresh browser opening that address sees the same playbook. Expected priorities come
 * from the bundled guide file through the same sequencing code, never from a list written here.
 */
import { describe, expect, it } from 'vitest';
import { inOrder, prioritiesFor } from '../../src/lib/match';
import { axeViolations, formatViolations } from '../support/axe';
import { bundledGuide } from '../support/guide';
import { useSite } from '../support/site';
import type { Page } from 'playwright-core';

const guide = bundledGuide();
const answersGiven = { 'board-strategy': 'no', wifi: 'no', 'epr-in-use': 'no', 'ccio-time': 'no', 'e-prescribing': 'no' } as const;

/** What the reader sees of the tailored playbook: priority titles in order, and each one's blueprint links. */
async function playbookShown(page: Page) {
  const result = page.locator('#tailored-playbook');
  await result.waitFor({ state: 'visible' });
  await page.locator('[data-priority]:not([hidden]) [data-blueprints] a, [data-priority]:not([hidden]) [data-none]:not([hidden])').first().waitFor();
  return page.locator('[data-priority]:not([hidden])').evaluateAll((items) =>
    items.map((li) => ({
      title: li.querySelector('h3')!.textContent!.trim(),
      blueprints: [...li.querySelectorAll('[data-blueprints] a')].map((a) => a.getAttribute('href')),
    })),
  );
}

describe('the where-to-start guide', () => {
  const site = useSite();

  it('turns a CIO’s answers into a tailored playbook that prints and opens the same from its shared address', async () => {
    const { page } = await site.open();
    await page.goto(site.url('/where-to-start/'));
    await page.getByLabel('Main care setting').selectOption('community');
    await page.getByLabel('Where the money would most likely come from').selectOption('own-revenue');
    for (const [id, answer] of Object.entries(answersGiven)) {
      const question = guide.questions.find((q) => q.id === id)!;
      await page.getByRole('group', { name: question.question }).getByLabel(answer === 'no' ? 'No' : 'Yes', { exact: true }).check();
    }
    await page.getByRole('button', { name: 'Show my tailored playbook' }).click();
    await page.waitForURL(/where-to-start\/\?.*funding=own-revenue/);

    const shown = await playbookShown(page);
    // Blueprints paid for from the reader's own running budget say so among their reasons.
    await expect(page.locator('[data-priority]:not([hidden]) [data-blueprints] li', { hasText: 'paid for the same way (own running budget)' }).count()).resolves.toBeGreaterThan(0);
    const expected = prioritiesFor(answersGiven, guide).map((c) => c.priority.title);
    expect(shown.map((p) => p.title)).toEqual(expected);
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expect(shown.length).toBeLessThanOrEqual(5);
    expect(shown.every((p) => p.blueprints.length > 0)).toBe(true);
    // A list of the priorities leads to each; each one's blueprints come before the evidence, which is folded away.
    await expect(page.locator('[data-contents] a').allInnerTexts()).resolves.toEqual(expected);
    await expect(page.locator('[data-contents] a').evaluateAll((links) => links.map((a) => document.querySelector<HTMLElement>((a as HTMLAnchorElement).hash)?.hidden))).resolves.toEqual(expected.map(() => false));
    const firstShown = page.locator('[data-priority]:not([hidden])').first();
    await expect(firstShown.locator('details [data-roll-up]').isVisible()).resolves.toBe(false);
    await expect(firstShown.evaluate((li) => Boolean(li.querySelector('[data-blueprints]')!.compareDocumentPosition(li.querySelector('details')!) & Node.DOCUMENT_POSITION_FOLLOWING))).resolves.toBe(true);
    await expect(page.locator('#tailored-playbook').innerText()).resolves.toMatch(/guidance, not an assessment or a score/i);

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#guide-form').isVisible()).resolves.toBe(false);
    await expect(page.locator('header:not(main header)').first().isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-priority]:not([hidden])').first().isVisible()).resolves.toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });

    const shared = await page.getByRole('link', { name: 'Link to this playbook' }).getAttribute('href');
    expect(shared).toContain('wifi=no');
    const fresh = await site.open();
    await fresh.page.goto(shared!);
    expect(await playbookShown(fresh.page)).toEqual(shown);
  });

  it('changes only the profile fields it asks, keeping the rest of a profile saved on /my-trust/', async () => {
    const { page } = await site.open();
    await page.goto(site.url('/my-trust/?setting=acute&supplier=epic&epr=no&maturity=early&region=london&programme=none&funding=local-authority'));
    await page.locator('[data-status]:not(:empty)').waitFor();
    await page.goto(site.url('/where-to-start/'));
    await expect(page.getByLabel('Main care setting').inputValue()).resolves.toBe('acute');
    await page.getByLabel('Main care setting').selectOption('community');
    await page.getByLabel('EPR supplier').selectOption('');
    await page.getByRole('group', { name: guide.questions.find((q) => q.id === 'wifi')!.question }).getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Show my tailored playbook' }).click();
    await page.waitForURL(/where-to-start\/\?.*setting=community/);
    await playbookShown(page);

    // Back on /my-trust/, the address is the saved profile: the guide's setting and cleared supplier, the rest as saved.
    await page.goto(site.url('/my-trust/'));
    await page.waitForURL(/my-trust\/\?setting=community&epr=no&maturity=early&region=london&programme=none&funding=local-authority$/);
    await expect(page.getByRole('group', { name: 'Digital maturity, roughly' }).getByRole('radio', { checked: true }).getAttribute('value')).resolves.toBe('early');
  });

  it('shows a playbook’s checklist and board questions once, under the first priority from it, and links the others there', async () => {
    const chosen = prioritiesFor(answersGiven, guide).map((c) => c.priority);
    const repeated = chosen.filter((p, i) => chosen.findIndex((q) => q.playbook === p.playbook) < i);
    expect(repeated.length, 'these answers lead to two priorities from one playbook, or this test shows nothing').toBeGreaterThan(0);
    const { page } = await site.open();
    await page.goto(site.url(`/where-to-start/?${new URLSearchParams(answersGiven)}`));
    await playbookShown(page);
    for (const p of chosen) {
      const li = page.locator(`#priority-${p.id}`);
      const first = chosen.find((q) => q.playbook === p.playbook)!;
      await expect(li.locator('[data-playbook-lists]').isVisible(), p.id).resolves.toBe(first === p);
      await expect(li.locator('[data-lists-elsewhere]').isVisible(), p.id).resolves.toBe(first !== p);
      if (first !== p) {
        const link = li.locator('[data-lists-link]');
        await expect(link.getAttribute('href')).resolves.toBe(`#priority-${first.id}`);
        await expect(link.innerText()).resolves.toBe(first.title);
      }
    }
  });

  it('has no WCAG 2.2 AA problems with the questions and with a tailored playbook', async () => {
    const { page } = await site.open();
    for (const path of ['/where-to-start/', '/where-to-start/?wifi=no&ccio-time=no&setting=acute']) {
      await page.goto(site.url(path));
      if (path.includes('?')) await playbookShown(page);
      const violations = await axeViolations(page);
      expect(violations, formatViolations(path, violations)).toEqual([]);
    }
  });

  it('can be answered and submitted with the keyboard alone', async () => {
    const { page } = await site.open();
    await page.goto(site.url('/where-to-start/'));
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return `${el?.tagName.toLowerCase()} ${el?.name ?? ''} ${el?.value ?? ''} ${el?.textContent?.trim() ?? ''}`;
    });
    const tabTo = async (pattern: RegExp) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (pattern.test(await focused())) return;
      }
      throw new Error(`Tab never reached ${pattern}`);
    };
    await tabTo(/^input wifi yes/);
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('input[name="wifi"][value="no"]').isChecked()).resolves.toBe(true);
    await tabTo(/^button .*Show my tailored playbook/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/wifi=no/);
    await page.locator('#tailored-playbook').waitFor({ state: 'visible' });
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('tailored-playbook');
  });

  it('opens at the start of the tailored playbook on a 320 px wide screen, where the playbook is many screens tall, and fits its width', async () => {
    const { page } = await site.open({ viewport: { width: 320, height: 640 } });
    await page.goto(site.url(`/where-to-start/?${new URLSearchParams(answersGiven)}`));
    await playbookShown(page);
    const { top, height } = await page.locator('#tailored-heading').evaluate((h) => ({ top: h.getBoundingClientRect().top, height: document.querySelector('#tailored-playbook')!.getBoundingClientRect().height }));
    expect(height, 'the playbook is taller than the screen, or this test shows nothing').toBeGreaterThan(640 * 3);
    expect(top, 'the heading "Your tailored playbook" is on screen').toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(640 / 2);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('tailored-playbook');
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth, 'the playbook does not scroll sideways').toBeLessThanOrEqual(clientWidth);
  });

  it('asks for at least one answer, with an error summary, instead of submitting an empty guide', async () => {
    const { page } = await site.open();
    await page.goto(site.url('/where-to-start/'));
    const title = await page.title();
    // Only "About your trust" answered: not enough for a playbook.
    await page.getByLabel('Main care setting').selectOption('community');
    await page.getByRole('button', { name: 'Show my tailored playbook' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.waitFor({ state: 'visible' });
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(summary.innerText()).resolves.toContain('Answer “Yes”, “No” or “Not sure” to at least one question about your trust’s digital work');
    await expect(page.title()).resolves.toBe(`Error: ${title}`);
    expect(new URL(page.url()).search).toBe('');
    // Its link focuses the first answer with the question in view above it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const first = guide.questions[0];
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(`guide-${first.id}`);
    const legend = page.getByRole('group', { name: first.question }).locator('legend');
    const box = await legend.boundingBox();
    expect(box!.y, 'the question is in view (to within a pixel\'s rounding)').toBeGreaterThan(-1);
  });

  it('without JavaScript lists every priority in the guide’s order with the answers that bring it in, and hides the questions it cannot send', async () => {
    const { page } = await site.open({ javaScriptEnabled: false });
    await page.goto(site.url('/where-to-start/?wifi=no'));
    await expect(page.getByText('needs JavaScript').isVisible()).resolves.toBe(true);
    await expect(page.locator('#guide-form').isVisible(), 'questions that could only reload the page').resolves.toBe(false);
    const listed = await page.locator('[data-no-script] .app-priority h2').allInnerTexts();
    expect(listed).toEqual(inOrder(guide.priorities.map((priority) => ({ priority, triggeredBy: [] })), guide).map((c) => c.priority.title));
    const boardStrategy = guide.priorities.find((p) => p.id === 'board-strategy')!;
    const question = guide.questions.find((q) => q.id === boardStrategy.when[0].question)!;
    await expect(page.locator('[data-no-script] .app-priority', { hasText: boardStrategy.title }).innerText()).resolves.toContain(`Start here if you would answer “No” or “Not sure” to “${question.question}”`);
    await expect(page.locator('[data-no-script] a[href*="/playbooks/"]').count()).resolves.toBe(guide.priorities.length);
    await expect(page.locator('#tailored-playbook').isVisible()).resolves.toBe(false);
  });

  it('ignores unknown answers in the address and never shows them', async () => {
    const { page } = await site.open();
    await page.goto(site.url('/where-to-start/?wifi=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&setting=%3Cb%3Ebold%3C%2Fb%3E'));
    await expect(page.locator('#tailored-playbook').isVisible()).resolves.toBe(false);
    await expect(page.locator('main').innerHTML()).resolves.not.toContain('onerror');
    await expect(page.locator('main b').count()).resolves.toBe(0);
  });
});
