/**
 * A CIO at a trust early in its digital journey starts at the home page, finds the playbook for
 * getting the foundations right before an EPR, follows one of its steps to a blueprint and finds
 * what they need to decide: the questions it answers, what it cost and how well it worked.
 */
import { describe, expect, it } from 'vitest';
import { costBands, labelOf } from '../../src/lib/schema/taxonomy';
import { expectedContent } from '../support/content';
import { useSite } from '../support/site';

const playbookSlug = 'get-the-foundations-right-before-an-epr';

describe('a CIO at a weaker trust', () => {
  const site = useSite();

  it('goes from the home page to the foundations playbook, follows a step to a blueprint and finds its key questions, cost and outcome', async () => {
    const content = expectedContent();
    const playbook = content.playbooks.find((p) => p.slug === playbookSlug);
    expect(playbook, `the content has no playbook ${playbookSlug}.mdx`).toBeDefined();
    const { page } = await site.open();

    // 1. Home page → the playbook, by its title.
    await page.goto(site.url('/'));
    await page.getByRole('main').getByRole('link', { name: playbook!.data.title, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/playbooks/${playbookSlug}/$`));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(playbook!.data.title);

    // 2. A step's evidence → a blueprint.
    const stepLink = page.locator('main [id^="step-"] a[href*="/blueprints/"]').first();
    const linkText = (await stepLink.textContent())!.replace(/^Redprint: /, '').trim();
    await stepLink.click();
    await page.waitForURL(/\/blueprints\/[a-z0-9-]+\/$/);
    const slug = new URL(page.url()).pathname.split('/').filter(Boolean).at(-1);
    const blueprint = content.blueprints.find((b) => b.slug === slug);
    expect(blueprint, `the step linked to ${slug}, which is not a blueprint in the content`).toBeDefined();
    expect(blueprint!.data.title).toBe(linkText);
    expect(playbook!.data.steps.some((s) => s.blueprints.includes(slug!))).toBe(true);

    // 3. The at-a-glance card answers: key questions, cost and outcome.
    const card = page.locator('#key-facts');
    await card.waitFor({ state: 'visible' });
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    for (const question of blueprint!.data.keyQuestions) expect(text).toContain(question);
    expect(text).toContain(labelOf(costBands, blueprint!.data.cost.band));
    expect(text).toContain(blueprint!.data.outcome.headline);
  });
});
