/**
 * A contributor drafts a blueprint on the contribute page in a real browser: makes mistakes,
 * sees each one beside its question and in the error summary, reloads without losing anything,
 * fixes them, and leaves with a prefilled GitHub issue form, a new-file link and a file that
 * passes every content check. What the page shows is compared with what the shared draft logic
 * says in Node, so the browser and the site's own checks cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/node/content-files';
import { draftToMdx, slugFromTitle, type DraftValues } from '../../src/lib/contribute/draft';
import { mergeErrors, sectionErrors, validateDraft, type FieldError } from '../../src/lib/contribute/draft-check';
import { draftPath, handOff, issueFormUrl } from '../../src/lib/contribute/hand-off';
import { controlOf, questionById, questions as draftFields, sectionFieldId, type Question as DraftField } from '../../src/lib/contribute/questions';
import { paths } from '../../src/lib/content/urls';
import { labelOf } from '../../src/lib/schema/taxonomy';
import { validateContent } from '../../src/lib/validate';
import { checkMdxSource } from '../../src/lib/validate/rules/mdx-safety';
import { axeViolations, formatViolations } from '../support/axe';
import { expectedContent } from '../support/content';
import { htmlValidator } from '../support/html';
import { builtPages } from '../support/pages';
import { useSite } from '../support/site';
import { draftAnswers } from '../fixtures/contribute/answers';
import { fillQuickly } from '../support/draft-form';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';
import { browserCheckLimits } from '../../src/lib/validate/limits';

const today = '2025-06-30';
const whatWeDid = sectionFieldId('What we did');
const whatWentWrong = sectionFieldId('What went wrong and what we would do differently');

function organisations() {
  const all = expectedContent().organisations;
  return { first: all[0], illustrative: all.filter((o) => o.data.illustrative).map((o) => o.slug) };
}

/** The EPR supplier the bundled blueprints give an organisation: a draft must agree (the organisation-facts rule). */
function supplierOf(slug: string): string {
  return expectedContent().blueprints.find((b) => b.data.organisation === slug && b.data.eprSupplier !== 'none')?.data.eprSupplier ?? 'epic';
}

/** What a careful author sends: the shared answers, from an organisation on the site, naming its supplier. */
function goodDraft(): DraftValues {
  const organisation = organisations().first.slug;
  return { ...draftAnswers, organisation, eprSupplier: supplierOf(organisation) };
}

/** The same draft with the mistakes people make. */
const mistakes: DraftValues = {
  title: 'An initiative to train nurses on the new EPR',
  summary: 'Nurses were trained.',
  keyQuestions: 'How many super-users\nHow much backfill should we budget for?',
  careSettings: [],
  'timeline-start': 'April 2023',
  contact: 'ring the switchboard',
  [whatWeDid]: 'We trained {process.env.SECRET} nurses.',
};

/** What the site's own checks say about a draft: the schema, then the MDX safety gate. */
function expectedErrors(values: DraftValues): FieldError[] {
  const options = { today, illustrativeOrganisations: organisations().illustrative };
  const mdx = draftToMdx(values, options);
  return mergeErrors(validateDraft(values, options), sectionErrors(mdx, checkMdxSource('draft.mdx', mdx, nativeMdxParser)));
}

const choices = (field: DraftField, value: DraftValues[string]) => new Set(Array.isArray(value) ? value : value ? [value] : []);

/** Answers one question the way a person would: by its label. */
async function answer(page: Page, field: DraftField, value: DraftValues[string]): Promise<void> {
  if (controlOf(field) === 'radios' || controlOf(field) === 'checkboxes') {
    const group = page.getByRole('group', { name: field.label, exact: true });
    const chosen = choices(field, value);
    const checked = await group.getByRole(controlOf(field) === 'radios' ? 'radio' : 'checkbox').evaluateAll((inputs) =>
      inputs.filter((i) => (i as HTMLInputElement).checked).map((i) => (i as HTMLInputElement).value),
    );
    for (const term of field.terms!) {
      if (chosen.has(term.value) === checked.includes(term.value)) continue;
      await group.getByLabel(term.label, { exact: true }).setChecked(chosen.has(term.value));
    }
  } else if (controlOf(field) === 'select') {
    await page.getByLabel(field.label, { exact: true }).selectOption(String(value ?? ''));
  } else {
    await page.getByLabel(field.label, { exact: true }).fill(String(value ?? ''));
  }
}

/** Answers every question given, by label: slow, so used where the labels are what is tested. */
async function fill(page: Page, values: DraftValues): Promise<void> {
  for (const field of draftFields) if (field.id in values) await answer(page, field, values[field.id]);
}

/** Reads one question back as the page shows it. */
async function shown(page: Page, field: DraftField): Promise<string | string[]> {
  if (controlOf(field) === 'radios' || controlOf(field) === 'checkboxes') {
    const group = page.getByRole('group', { name: field.label, exact: true });
    const checked: string[] = [];
    for (const term of field.terms!) if (await group.getByLabel(term.label, { exact: true }).isChecked()) checked.push(term.value);
    return controlOf(field) === 'radios' ? (checked[0] ?? '') : checked;
  }
  return page.getByLabel(field.label, { exact: true }).inputValue();
}

async function summaryItems(page: Page) {
  return page.locator('[data-error-list] li').evaluateAll((items) =>
    items.map((li) => ({ href: li.querySelector('a')?.getAttribute('href') ?? null, text: li.textContent?.trim() ?? '' })),
  );
}

/** The error message inside a question's form group, as a screen reader reads it. */
async function inlineError(page: Page, id: string): Promise<string | null> {
  const error = page.locator(`[data-field="${id}"] .nhsuk-error-message`);
  return (await error.count()) ? ((await error.textContent()) ?? '').replace(/\s+/g, ' ').trim() : null;
}

/** Waits for something the page does after a check or a search, which loads code on first use. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

async function openForm() {
  const opened = await site.open();
  await opened.page.clock.setFixedTime(new Date(`${today}T10:00:00`));
  await opened.page.goto(site.url(paths.contribute()));
  await opened.page.locator('form.app-draft-form').waitFor({ state: 'visible' });
  return opened;
}

const site = useSite();

describe('drafting a blueprint on the contribute page', () => {
  const mistaken = () => ({ ...goodDraft(), ...mistakes });

  it('shows each problem beside its question and in the error summary, which takes focus', async () => {
    const { page } = await openForm();
    await fill(page, mistaken());
    await page.getByRole('button', { name: 'Check my draft' }).click();
    await page.locator('[data-error-summary]').waitFor({ state: 'visible' });

    const expected = expectedErrors(mistaken());
    expect(expected.map((e) => e.id)).toEqual(['title', 'summary', 'keyQuestions', 'careSettings', 'timeline-start', 'contact', whatWeDid]);
    expect(await summaryItems(page)).toEqual(expected.map((e) => ({ href: `#draft-${e.id}`, text: e.message })));
    for (const { id, message } of expected) {
      expect(await inlineError(page, id), id).toBe(`Error: ${message}`);
      await eventually(() => page.locator(`[data-field="${id}"]`).getAttribute('class')).toContain('nhsuk-form-group--error');
    }
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
    expect(await page.title()).toMatch(/^Error: /);
  });

  it('moves to the question when a problem in the summary is chosen', async () => {
    const { page } = await openForm();
    await fillQuickly(page, mistaken());
    await page.getByRole('button', { name: 'Check my draft' }).click();
    const first = expectedErrors(mistaken())[0];
    await page.locator('[data-error-list] a').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`draft-${first.id}`);
  });

  it('keeps the draft after a reload, and says so', async () => {
    const { page } = await openForm();
    await fillQuickly(page, mistaken());
    await page.reload();
    await page.locator('form.app-draft-form').waitFor({ state: 'visible' });
    await eventually(() => page.locator('[data-restored]').isVisible()).toBe(true);
    for (const field of draftFields) {
      const value = mistaken()[field.id];
      if (value === undefined) continue;
      expect(await shown(page, field), field.id).toEqual(controlOf(field) === 'checkboxes' ? [...choices(field, value)] : value);
    }
  });

  it('clears a problem when the question is fixed and left, after the first check', async () => {
    const { page } = await openForm();
    await fillQuickly(page, mistaken());
    await page.getByRole('button', { name: 'Check my draft' }).click();
    await page.locator('[data-error-summary]').waitFor({ state: 'visible' });
    await page.getByLabel('Title', { exact: true }).fill(String(goodDraft().title));
    await page.getByLabel('Title', { exact: true }).press('Tab');
    await eventually(() => inlineError(page, 'title')).toBeNull();
    expect((await summaryItems(page)).map((i) => i.href)).not.toContain('#draft-title');
    expect(await inlineError(page, 'summary')).not.toBeNull();
  });

  it('hands a fixed draft to the GitHub issue form with every answer filled in', async () => {
    const { page } = await openForm();
    await fillQuickly(page, mistaken());
    await page.getByRole('button', { name: 'Check my draft' }).click();
    await fill(page, goodDraft());
    await page.getByRole('button', { name: 'Check my draft' }).click();
    await page.locator('[data-result]').waitFor({ state: 'visible' });

    expect(await page.locator('[data-error-summary]').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-result'))).toBe(true);
    const repository = (await page.locator('draft-form').getAttribute('data-repository'))!;
    const href = await page.getByRole('link', { name: 'Open the GitHub form with your draft filled in' }).getAttribute('href');
    expect(href).toBe(issueFormUrl(repository, goodDraft()).url);
    const params = new URL(href!).searchParams;
    expect(params.get('template')).toBe('propose-blueprint.yml');
    expect(params.get('title')).toBe(goodDraft().title);
    expect(params.get('outcome-headline')).toBe(goodDraft()['outcome-headline']);
    expect(params.get('keyQuestions')).toBe(goodDraft().keyQuestions);
    expect(params.get(whatWentWrong)).toBe(goodDraft()[whatWentWrong]);
  });

  it('offers GitHub’s new file page with the file written in', async () => {
    const { page } = await openForm();
    await fillQuickly(page, goodDraft());
    await page.getByRole('button', { name: 'Check my draft' }).click();
    await page.locator('[data-result]').waitFor({ state: 'visible' });
    const element = page.locator('draft-form');
    const [repository, branch] = [await element.getAttribute('data-repository'), await element.getAttribute('data-branch')];
    const expected = handOff(goodDraft(), { today, illustrativeOrganisations: organisations().illustrative, repository: repository!, branch: branch! });
    expect(await page.getByRole('link', { name: 'Create the file on GitHub' }).getAttribute('href')).toBe(expected.newFile);
    expect(await page.locator('[data-mdx]').textContent()).toBe(expected.mdx);
  });

  it('downloads a file that passes every content check alongside the bundled content', async () => {
    const { page } = await openForm();
    await fillQuickly(page, goodDraft());
    await page.getByRole('button', { name: 'Check my draft' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download]').click()]);
    const source = readFileSync((await download.path())!, 'utf8');
    const path = draftPath(download.suggestedFilename().replace(/\.mdx$/, ''));
    expect(download.suggestedFilename()).toBe(`${slugFromTitle(String(goodDraft().title))}.mdx`);
    const { problems } = validateContent([...readContentFiles(process.cwd()).files, { path, source }], { parser: nativeMdxParser, only: new Set([path]) });
    expect(problems).toEqual([]);
  });

  it('warns, without stopping the author, when a blueprint with a similar title exists', async () => {
    const existing = expectedContent().blueprints[0];
    const { page } = await openForm();
    await page.getByLabel('Title', { exact: true }).fill(existing.data.title);
    await page.getByLabel('Title', { exact: true }).press('Tab');
    const warning = page.locator('[data-similar]');
    await eventually(() => warning.getByRole('link', { name: existing.data.title }).count()).toBe(1);
    expect(await warning.getByRole('link', { name: existing.data.title }).getAttribute('href')).toBe(new URL(site.url(paths.blueprint(existing.slug))).pathname);
  });

  it('keeps the draft in the browser, so it is there when the page is opened again in a new tab', async () => {
    const { page, context } = await openForm();
    await fillQuickly(page, mistaken());
    await page.close();
    const again = await context.newPage();
    await again.goto(site.url(paths.contribute()));
    await again.locator('form.app-draft-form').waitFor({ state: 'visible' });
    expect(await again.getByLabel('Title', { exact: true }).inputValue()).toBe(mistaken().title);
    expect(await shown(again, draftFields.find((f) => f.id === 'audience')!)).toEqual(mistaken().audience);
  });

  it('clears the draft from the page and the browser once the author confirms', async () => {
    const { page, context } = await openForm();
    await fillQuickly(page, goodDraft());
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Clear draft' }).click();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('');
    const again = await context.newPage();
    await again.goto(site.url(paths.contribute()));
    await again.locator('form.app-draft-form').waitFor({ state: 'visible' });
    expect(await again.getByLabel('Title', { exact: true }).inputValue()).toBe('');
    expect(await again.locator('[data-restored]').isHidden()).toBe(true);
  });

  it('keeps the draft when the author cancels clearing it', async () => {
    const { page } = await openForm();
    await fillQuickly(page, goodDraft());
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Clear draft' }).click();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(goodDraft().title);
  });

  it('asks for the name of an organisation that is not listed, and sends that draft to the issue form only', async () => {
    const { page } = await openForm();
    await fillQuickly(page, goodDraft());
    const name = page.getByLabel(questionById('organisation-name')!.label, { exact: true });
    expect(await name.isVisible()).toBe(false);
    await page.getByLabel('Your organisation', { exact: true }).selectOption({ label: 'My organisation is not listed' });
    expect(await name.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Check my draft' }).click();
    await eventually(() => inlineError(page, 'organisation-name')).toMatch(/^Error: Write your organisation’s full name/);
    await name.fill('Riverside Community NHS Trust');
    await page.getByRole('button', { name: 'Check my draft' }).click();
    await page.locator('[data-result]').waitFor({ state: 'visible' });
    expect(await page.getByRole('link', { name: 'Create the file on GitHub' }).isVisible()).toBe(false);
    expect(await page.locator('[data-new-file-reason]').innerText()).toMatch(/organisation/);
  });

  it('leaves a very long list to the checks made when the draft is sent, and says so', async () => {
    const { page } = await openForm();
    const steps = Array.from({ length: browserCheckLimits.listItems + 1 }, (_, i) => `- Step ${i + 1}`).join('\n');
    await fillQuickly(page, { ...goodDraft(), [whatWeDid]: steps });
    await page.getByRole('button', { name: 'Check my draft' }).click();
    await page.locator('[data-result]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-safety-skipped]').isVisible()).toBe(true);
  });

  it('shows labels, not codes, in the summary of a finished draft', async () => {
    const { page } = await openForm();
    await fillQuickly(page, goodDraft());
    await page.getByRole('button', { name: 'Check my draft' }).click();
    const summary = page.locator('[data-summary]');
    await summary.waitFor({ state: 'visible' });
    const field = draftFields.find((f) => f.id === 'cost-band')!;
    await eventually(() => summary.innerText()).toContain(labelOf(field.terms!, String(goodDraft()['cost-band'])));
    expect(await summary.innerText()).toContain(organisations().first.data.name);
  });
});

/** axe over a page of about a hundred form controls takes a while on a busy two-core machine. */
const axeTimeout = 120_000;

describe('the contribute page’s accessibility', () => {
  it('has no axe violations before anything is entered', async () => {
    const { page } = await openForm();
    const violations = await axeViolations(page);
    expect(violations.length, `\n${formatViolations(paths.contribute(), violations)}\n`).toBe(0);
  }, axeTimeout);

  it('has no axe violations with problems shown', async () => {
    const { page } = await openForm();
    await fillQuickly(page, { ...goodDraft(), ...mistakes });
    await page.getByRole('button', { name: 'Check my draft' }).click();
    await page.locator('[data-error-summary]').waitFor({ state: 'visible' });
    const violations = await axeViolations(page);
    expect(violations.length, `\n${formatViolations(paths.contribute(), violations)}\n`).toBe(0);
  }, axeTimeout);

  it('has no axe violations with a finished draft and its hand-off links shown', async () => {
    const { page } = await openForm();
    await fillQuickly(page, goodDraft());
    await page.getByRole('button', { name: 'Check my draft' }).click();
    await page.locator('[data-result]').waitFor({ state: 'visible' });
    await page.getByText('See the file your draft becomes').click();
    const violations = await axeViolations(page);
    expect(violations.length, `\n${formatViolations(paths.contribute(), violations)}\n`).toBe(0);
  }, axeTimeout);
});

describe('the contribute page without JavaScript', () => {
  it('explains the other ways to contribute instead of showing a form that cannot work', async () => {
    const { page } = await site.open({ javaScriptEnabled: false });
    await page.goto(site.url(paths.contribute()));
    expect(await page.locator('[data-no-js]').isVisible()).toBe(true);
    expect(await page.locator('form.app-draft-form').isVisible()).toBe(false);
    const links = page.locator('[data-no-js] a');
    expect(await links.first().getAttribute('href')).toMatch(/\/issues\/new\?template=propose-blueprint\.yml$/);
    expect(await links.nth(1).getAttribute('href')).toMatch(/\/CONTRIBUTING\.md$/);
  });

  it('is valid HTML', async () => {
    const page = builtPages().find((p) => p.kind === 'contribute')!;
    const report = await htmlValidator().validateString(readFileSync(page.file, 'utf8'));
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
    expect(messages).toEqual([]);
  });
});
