/**
 * A contributor drafts a blueprint on the contribute page in a real browser, one step of
 * questions at a time: makes mistakes, sees each one beside its question and in the step's error
 * summary, reloads without losing anything, checks the answers, changes one, and leaves with a
 * prefilled GitHub issue form, a new-file link and a file that passes every content check. What
 * the page shows is compared with what the shared draft logic says in Node, so the browser and the
 * site's own checks cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/node/content-files';
import { draftToMdx, slugFromTitle } from '../../src/lib/contribute/draft';
import { answerLimits, type DraftValues } from '../../src/lib/contribute/answers';
import { mergeErrors, sectionErrors, validateDraft, type FieldError } from '../../src/lib/contribute/draft-check';
import { draftPath, handOff, issueFormUrl } from '../../src/lib/contribute/hand-off';
import { controlOf, questionById, questions as draftFields, sectionFieldId, type Question as DraftField } from '../../src/lib/contribute/questions';
import { paths } from '../../src/lib/content/urls';
import { capabilities, labelOf } from '../../src/lib/schema/taxonomy';
import { validateContent } from '../../src/lib/validate';
import { checkMdxSource } from '../../src/lib/validate/rules/mdx-safety';
import { axeViolations, formatViolations } from '../support/axe';
import { expectedContent } from '../support/content';
import { htmlValidator } from '../support/html';
import { builtPages } from '../support/pages';
import { useSite } from '../support/site';
import { draftAnswers } from '../fixtures/contribute/answers';
import { currentStep, fillQuickly, goToStep } from '../support/draft-form';
import { checkAnswersStep, questionSteps, sendStep, stepCaption, stepOfQuestion, steps } from '../../src/lib/contribute/steps';
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

const [firstStep] = questionSteps;
const stepIds = (values: DraftValues) => new Set(draftFields.filter((f) => f.id in values).map((f) => stepOfQuestion(f.id)!.id));

/** Presses Tab until `name` has focus (a keyboard user moving to a control), then returns. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return (el?.innerText || el?.textContent || '').replace(/\s+/g, ' ').trim();
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached “${name}”`);
}

/** The heading that has focus, as a screen reader reads it. */
const focusedHeading = (page: Page) => page.evaluate(() => (document.activeElement?.matches('h3') ? document.activeElement.textContent?.replace(/\s+/g, ' ').trim() : null));

/** Check your answers as a reader sees it: question, answer. */
async function answersShown(page: Page) {
  return page.locator('[data-answers] .nhsuk-summary-list__row').evaluateAll((rows) =>
    rows.map((row) => [row.querySelector('dt')!.textContent!.trim(), (row.querySelector('.nhsuk-summary-list__value') as HTMLElement).innerText.trim()]),
  );
}

describe('drafting a blueprint on the contribute page, one step at a time', () => {
  const mistaken = () => ({ ...goodDraft(), ...mistakes });

  it('goes through every step with the keyboard alone, from the first question to the confirmation', async () => {
    const { page } = await openForm();
    await fillQuickly(page, goodDraft());
    await goToStep(page, firstStep.id);
    for (const step of questionSteps) {
      expect(await focusedHeading(page)).toBe(`${stepCaption(step)} – ${step.title}`);
      expect(await page.title()).toMatch(new RegExp(`^${step.title}: `));
      await tabTo(page, 'Continue');
      await page.keyboard.press('Enter');
      const next = steps[steps.indexOf(step) + 1];
      await page.locator(`#step-${next.id}`).waitFor({ state: 'visible' });
      await eventually(() => focusedHeading(page)).toBe(`${stepCaption(next)} – ${next.title}`);
      expect(new URL(page.url()).hash).toBe(`#step-${next.id}`);
    }
    await tabTo(page, 'Continue to send');
    await page.keyboard.press('Enter');
    await eventually(() => focusedHeading(page)).toBe(`${stepCaption(sendStep)} – ${sendStep.title}`);
    await tabTo(page, 'Open the GitHub form with your draft filled in (opens in a new tab)');
    await page.keyboard.press('Enter');
    await eventually(() => focusedHeading(page)).toBe('Finish sending your draft on GitHub');
    expect(await page.locator('.nhsuk-panel').isVisible()).toBe(true);
    const repository = (await page.locator('draft-form').getAttribute('data-repository'))!;
    expect(await page.getByRole('link', { name: 'open the GitHub form with your draft filled in' }).getAttribute('href')).toBe(issueFormUrl(repository, goodDraft()).url);
  }, 60_000);

  it('goes back a step with the Back link, keeping the answers', async () => {
    const { page } = await openForm();
    await fillQuickly(page, goodDraft());
    const step = stepOfQuestion('outcome-headline')!;
    const previous = questionSteps[questionSteps.indexOf(step) - 1];
    await goToStep(page, step.id);
    expect(await page.locator(`[data-step="${firstStep.id}"] [data-back]`).isHidden()).toBe(true);
    await page.locator(`[data-step="${step.id}"]`).getByRole('link', { name: 'Back' }).click();
    await page.locator(`#step-${previous.id}`).waitFor({ state: 'visible' });
    expect(await currentStep(page)).toBe(previous.id);
    await page.goBack();
    await page.locator(`#step-${step.id}`).waitFor({ state: 'visible' });
    expect(await page.getByLabel('Headline result', { exact: true }).inputValue()).toBe(goodDraft()['outcome-headline']);
  });

  it('shows a step’s problems beside its questions and in the error summary, which takes focus, and stays on the step', async () => {
    const { page } = await openForm();
    const onFirst = Object.fromEntries(Object.entries(mistaken()).filter(([id]) => stepOfQuestion(id) === firstStep));
    await fill(page, onFirst);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('[data-error-summary]').waitFor({ state: 'visible' });

    const expected = expectedErrors(mistaken()).filter((e) => stepOfQuestion(e.id) === firstStep);
    expect(expected.map((e) => e.id)).toEqual(['title', 'summary', 'keyQuestions']);
    expect(await summaryItems(page)).toEqual(expected.map((e) => ({ href: `#draft-${e.id}`, text: e.message })));
    for (const { id, message } of expected) {
      expect(await inlineError(page, id), id).toBe(`Error: ${message}`);
      await eventually(() => page.locator(`[data-field="${id}"]`).getAttribute('class')).toContain('nhsuk-form-group--error');
    }
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await currentStep(page)).toBe(firstStep.id);
  });

  it('moves to the question when a problem in the summary is chosen', async () => {
    const { page } = await openForm();
    await fillQuickly(page, mistaken());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('[data-error-list] a').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('draft-title');
  });

  it('clears a problem when the question is fixed and left, after the first Continue', async () => {
    const { page } = await openForm();
    await fillQuickly(page, mistaken());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('[data-error-summary]').waitFor({ state: 'visible' });
    await page.getByLabel('Title', { exact: true }).fill(String(goodDraft().title));
    await page.getByLabel('Title', { exact: true }).press('Tab');
    await eventually(() => inlineError(page, 'title')).toBeNull();
    expect((await summaryItems(page)).map((i) => i.href)).not.toContain('#draft-title');
    expect(await inlineError(page, 'summary')).not.toBeNull();
  });

  it('moves on with one press of Continue after the problems are fixed, though fixing the last one clears the summary', async () => {
    const { page } = await openForm();
    await fillQuickly(page, mistaken());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('[data-error-summary]').waitFor({ state: 'visible' });
    const good = goodDraft();
    await page.getByLabel('Title', { exact: true }).fill(String(good.title));
    await page.getByLabel('Summary', { exact: true }).fill(String(good.summary));
    await page.getByLabel('Key questions this answers', { exact: true }).fill(String(good.keyQuestions));
    // Pressed as a person presses: leaving the last question as the button goes down, releasing it a moment later.
    await page.getByRole('button', { name: 'Continue' }).click({ delay: 150 });
    const next = questionSteps[1];
    await page.locator(`#step-${next.id}`).waitFor({ state: 'visible', timeout: 5_000 });
    expect(await currentStep(page)).toBe(next.id);
  });

  it('keeps the draft and the step after a reload, and says so', async () => {
    const { page } = await openForm();
    await fillQuickly(page, mistaken());
    await goToStep(page, questionSteps[2].id);
    await page.reload();
    await page.locator(`#step-${questionSteps[2].id}`).waitFor({ state: 'visible' });
    expect(await currentStep(page)).toBe(questionSteps[2].id);
    await eventually(() => page.locator('[data-restored]').isVisible()).toBe(true);
    for (const stepId of stepIds(mistaken())) {
      await goToStep(page, stepId);
      for (const field of draftFields.filter((f) => stepOfQuestion(f.id)!.id === stepId)) {
        const value = mistaken()[field.id];
        if (value === undefined || field.id === 'organisation-name') continue;
        expect(await shown(page, field), field.id).toEqual(controlOf(field) === 'checkboxes' ? [...choices(field, value)] : value);
      }
    }
  });

  it('sends the author to the first step with a problem when they try to skip to check your answers', async () => {
    const { page } = await openForm();
    await fillQuickly(page, { ...goodDraft(), contact: 'ring the switchboard' });
    await goToStep(page, checkAnswersStep.id, stepOfQuestion('contact')!.id);
    expect(new URL(page.url()).hash).toBe(`#step-${stepOfQuestion('contact')!.id}`);
    await eventually(() => inlineError(page, 'contact')).toMatch(/^Error: /);
  });

  it('shows every answer in words on check your answers, with a Change link naming each question', async () => {
    const { page } = await openForm();
    await fillQuickly(page, goodDraft());
    await goToStep(page, checkAnswersStep.id);
    const rows = await answersShown(page);
    expect(rows.map(([question]) => question)).toEqual(draftFields.filter((f) => f.id !== 'organisation-name').map((f) => f.label));
    const field = questionById('cost-band')!;
    expect(Object.fromEntries(rows)[field.label]).toBe(labelOf(field.terms!, String(goodDraft()['cost-band'])));
    expect(Object.fromEntries(rows)['Your organisation']).toBe(organisations().first.data.name);
    for (const f of draftFields.filter((f) => f.id !== 'organisation-name')) {
      expect(await page.getByRole('link', { name: `Change ${f.label}`, exact: true }).count(), f.id).toBe(1);
    }
  });

  it('says on check your answers when the organisation is one of the made-up examples', async () => {
    const { page } = await openForm();
    const [illustrative] = organisations().illustrative;
    await fillQuickly(page, { ...goodDraft(), organisation: illustrative, eprSupplier: supplierOf(illustrative) });
    await goToStep(page, checkAnswersStep.id);
    expect(await page.locator('[data-illustrative-note]').isVisible()).toBe(true);
  });

  it('changes one answer from check your answers and comes back to it, keeping every other answer', async () => {
    const { page } = await openForm();
    await fillQuickly(page, goodDraft());
    await goToStep(page, checkAnswersStep.id);
    const before = await answersShown(page);
    await page.getByRole('link', { name: 'Change Headline result', exact: true }).click();
    await page.locator(`#step-${stepOfQuestion('outcome-headline')!.id}`).waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('draft-outcome-headline');
    const headline = 'Calls to find a bed fell from about 60 a day to 12.';
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(headline);
    await page.keyboard.press('Enter');
    await page.locator(`#step-${checkAnswersStep.id}`).waitFor({ state: 'visible' });
    const after = await answersShown(page);
    expect(after).toEqual(before.map(([q, a]) => [q, q === 'Headline result' ? headline : a]));
  });

  it('hands a finished draft to the GitHub issue form with every answer filled in', async () => {
    const { page } = await openForm();
    await fillQuickly(page, goodDraft());
    await goToStep(page, checkAnswersStep.id);
    await page.getByRole('button', { name: 'Continue to send' }).click();
    await page.locator('[data-result]').waitFor({ state: 'visible' });
    await eventually(() => focusedHeading(page)).toBe(`${stepCaption(sendStep)} – ${sendStep.title}`);
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
    await goToStep(page, sendStep.id);
    const element = page.locator('draft-form');
    const [repository, branch] = [await element.getAttribute('data-repository'), await element.getAttribute('data-branch')];
    const expected = handOff(goodDraft(), { today, illustrativeOrganisations: organisations().illustrative, repository: repository!, branch: branch! });
    expect(await page.getByRole('link', { name: 'Create the file on GitHub' }).getAttribute('href')).toBe(expected.newFile);
    expect(await page.locator('[data-mdx]').textContent()).toBe(expected.mdx);
  });

  it('downloads a file that passes every content check alongside the bundled content', async () => {
    const { page } = await openForm();
    await fillQuickly(page, goodDraft());
    await goToStep(page, sendStep.id);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download]').click()]);
    const source = readFileSync((await download.path())!, 'utf8');
    const path = draftPath(download.suggestedFilename().replace(/\.mdx$/, ''));
    expect(download.suggestedFilename()).toBe(`${slugFromTitle(String(goodDraft().title))}.mdx`);
    const { problems } = validateContent([...readContentFiles(process.cwd()).files, { path, source }], { parser: nativeMdxParser, only: new Set([path]) });
    expect(problems).toEqual([]);
  });

  it('carries on in another browser from the downloaded file, with every answer back and the same file made again', async () => {
    const first = await openForm();
    await fillQuickly(first.page, goodDraft());
    await goToStep(first.page, sendStep.id);
    const [download] = await Promise.all([first.page.waitForEvent('download'), first.page.locator('[data-download]').click()]);
    const file = (await download.path())!;
    const source = readFileSync(file, 'utf8');

    // Another browser: nothing kept from the first.
    const { page } = await openForm();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('');
    await page.getByText('Carry on with a draft you downloaded', { exact: true }).click();
    await page.getByLabel('Your draft file', { exact: true }).setInputFiles({ name: download.suggestedFilename(), mimeType: 'text/markdown', buffer: readFileSync(file) });
    await eventually(() => currentStep(page)).toBe(checkAnswersStep.id);
    expect(await page.locator('[data-opened-file-text]').textContent()).toContain(`from ${download.suggestedFilename()}`);
    expect(await page.locator('[data-opened-file-left-out]').isHidden()).toBe(true);
    for (const field of draftFields.filter((f) => f.id in goodDraft() && f.kind !== 'section')) {
      await goToStep(page, stepOfQuestion(field.id)!.id);
      const given = goodDraft()[field.id];
      expect(await shown(page, field), field.id).toEqual(Array.isArray(given) ? given : String(given));
    }
    await goToStep(page, sendStep.id);
    expect(await page.locator('[data-mdx]').textContent()).toBe(source);
  });

  it('asks before a file replaces a draft, and keeps the draft when the author says no', async () => {
    const { page } = await openForm();
    await fillQuickly(page, mistaken());
    const file = draftToMdx(goodDraft(), { today, illustrativeOrganisations: organisations().illustrative });
    await page.getByText('Carry on with a draft you downloaded', { exact: true }).click();
    const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); void dialog.dismiss(); }));
    await page.getByLabel('Your draft file', { exact: true }).setInputFiles({ name: 'draft.mdx', mimeType: 'text/markdown', buffer: Buffer.from(file) });
    expect(await asked).toMatch(/^Open draft\.mdx\? It replaces the draft on this page/);
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(mistaken().title);
  });

  it('says beside the file box why a file that is not a draft cannot be opened, and changes nothing', async () => {
    const { page } = await openForm();
    await fillQuickly(page, mistaken());
    await page.getByText('Carry on with a draft you downloaded', { exact: true }).click();
    const input = page.getByLabel('Your draft file', { exact: true });
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Notes from the meeting.') });
    const error = page.locator('[data-open-file-error]');
    await error.waitFor({ state: 'visible' });
    expect((await error.textContent())!.replace(/\s+/g, ' ')).toBe('Error: notes.txt could not be opened as a draft, because it is not a blueprint file: it has no front-matter: start the file with a line of ---, then the fields, then another line of ---. Choose the .mdx file the form downloaded');
    expect(await input.getAttribute('aria-describedby')).toBe('draft-open-file-hint draft-open-file-error');
    await input.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(200 * 1024) });
    await eventually(async () => (await error.textContent())!.includes('scan.pdf is 200 KiB, bigger than any blueprint can be (100 KiB)')).toBe(true);
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(mistaken().title);
    await expectNoViolations(page, 'with a file that could not be opened');
  }, axeTimeout);

  it('says so beside the file box, and keeps the draft, when the code that reads a file cannot load', async () => {
    const { page } = await openForm();
    await fillQuickly(page, mistaken());
    await page.route(/draft-from-file[^/]*\.js$/, (route) => route.abort());
    await page.getByText('Carry on with a draft you downloaded', { exact: true }).click();
    const file = draftToMdx(goodDraft(), { today, illustrativeOrganisations: organisations().illustrative });
    await page.getByLabel('Your draft file', { exact: true }).setInputFiles({ name: 'draft.mdx', mimeType: 'text/markdown', buffer: Buffer.from(file) });
    const error = page.locator('[data-open-file-error]');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toContain('draft.mdx could not be read: the page could not load what reads it');
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(mistaken().title);
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

  it('sends a kept draft holding half a surrogate pair, with that character shown as U+FFFD', async () => {
    const { page } = await openForm();
    // As a broken paste or another script might have left it: the address to GitHub could not be made from it.
    await page.evaluate((values) => localStorage.setItem('blueprint-commons:contribute-draft:v1', JSON.stringify({ values })), { ...goodDraft(), 'cost-note': 'Screens \ud83d for twelve wards.' });
    await page.reload();
    await page.locator('form.app-draft-form').waitFor({ state: 'visible' });
    await goToStep(page, sendStep.id);
    const href = (await page.getByRole('link', { name: 'Open the GitHub form with your draft filled in' }).getAttribute('href'))!;
    expect(new URL(href).searchParams.get('cost-note')).toBe('Screens \ufffd for twelve wards.');
    expect(await page.getByRole('link', { name: 'Create the file on GitHub' }).getAttribute('href')).toMatch(/^https:\/\/github\.com\//);
  });

  it('keeps the draft in the browser, so it is there when the page is opened again in a new tab', async () => {
    const { page, context } = await openForm();
    await fillQuickly(page, mistaken());
    await page.close();
    const again = await context.newPage();
    await again.goto(site.url(paths.contribute()));
    await again.locator('form.app-draft-form').waitFor({ state: 'visible' });
    expect(await again.getByLabel('Title', { exact: true }).inputValue()).toBe(mistaken().title);
    await goToStep(again, stepOfQuestion('audience')!.id);
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
    await goToStep(page, stepOfQuestion('organisation')!.id);
    const name = page.getByLabel(questionById('organisation-name')!.label, { exact: true });
    expect(await name.isVisible()).toBe(false);
    await page.getByLabel('Your organisation', { exact: true }).selectOption({ label: 'My organisation is not listed' });
    expect(await name.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Continue' }).click();
    await eventually(() => inlineError(page, 'organisation-name')).toMatch(/^Error: Write your organisation’s full name/);
    await name.fill('Riverside Community NHS Trust');
    await goToStep(page, sendStep.id);
    expect(await page.getByRole('link', { name: 'Create the file on GitHub' }).isVisible()).toBe(false);
    expect(await page.locator('[data-new-file-reason]').innerText()).toMatch(/organisation/);
  });

  it('leaves a very long list to the checks made when the draft is sent, and says so', async () => {
    const { page } = await openForm();
    const list = Array.from({ length: browserCheckLimits.listItems + 1 }, (_, i) => `- Step ${i + 1}`).join('\n');
    await fillQuickly(page, { ...goodDraft(), [whatWeDid]: list });
    await goToStep(page, checkAnswersStep.id);
    expect(await page.locator('[data-safety-skipped]').isVisible()).toBe(true);
  });

  it('says beside the section, before any way of sending is offered, when it is longer than one answer can hold', async () => {
    const { page } = await openForm();
    const long = 'We trained ward staff in pairs before go-live. '.repeat(Math.ceil((answerLimits.characters + 1) / 47));
    await fillQuickly(page, { ...goodDraft(), [whatWeDid]: long });
    await goToStep(page, checkAnswersStep.id, stepOfQuestion(whatWeDid)!.id);
    await eventually(() => inlineError(page, whatWeDid)).toMatch(/^Error: The “What we did” section is [\d,]+ characters, over the 20,000 one answer can hold/);
  });

  it('ticks the topic a where-to-start priority links with, and ignores a topic it does not know', async () => {
    const topic = capabilities.at(-1)!;
    const { page } = await site.open();
    await page.goto(`${site.url(paths.contribute())}?topic=${topic.value}`);
    await goToStep(page, stepOfQuestion('capabilities')!.id);
    expect(await shown(page, questionById('capabilities')!)).toEqual([topic.value]);

    const other = await site.open();
    await other.page.goto(`${site.url(paths.contribute())}?topic=not-a-topic`);
    await goToStep(other.page, stepOfQuestion('capabilities')!.id);
    expect(await shown(other.page, questionById('capabilities')!)).toEqual([]);
    expect(await shown(other.page, questionById('pillars')!)).toEqual([]);
  });

  it('fits a 320 pixel wide screen on check your answers', async () => {
    const { page } = await site.open({ viewport: { width: 320, height: 640 } });
    await page.clock.setFixedTime(new Date(`${today}T10:00:00`));
    await page.goto(site.url(paths.contribute()));
    await fillQuickly(page, goodDraft());
    await goToStep(page, checkAnswersStep.id);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

/** axe over a step of a few questions, on a busy two-core machine. */
const axeTimeout = 240_000;

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations.length, `\n${formatViolations(`${paths.contribute()} ${where}`, violations)}\n`).toBe(0);
}

describe('the contribute page’s accessibility', () => {
  it('has no axe violations on any step before anything is entered', async () => {
    const { page } = await openForm();
    for (const step of questionSteps) {
      await goToStep(page, step.id);
      await expectNoViolations(page, `#step-${step.id}`);
    }
  }, axeTimeout);

  it('has no axe violations with a step’s problems shown', async () => {
    const { page } = await openForm();
    await fillQuickly(page, { ...goodDraft(), ...mistakes });
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('[data-error-summary]').waitFor({ state: 'visible' });
    await expectNoViolations(page, 'with problems shown');
  }, axeTimeout);

  it('has no axe violations on check your answers, send and the confirmation', async () => {
    const { page } = await openForm();
    await fillQuickly(page, goodDraft());
    await goToStep(page, checkAnswersStep.id);
    await expectNoViolations(page, '#step-check-answers');
    await goToStep(page, sendStep.id);
    await page.getByText('See the file your draft becomes').click();
    await expectNoViolations(page, '#step-send');
    await page.getByRole('link', { name: 'Open the GitHub form with your draft filled in' }).click();
    await page.locator('#step-sent').waitFor({ state: 'visible' });
    await expectNoViolations(page, '#step-sent');
  }, axeTimeout);
});

describe('the contribute page without JavaScript', () => {
  it('shows every question on one form that opens the GitHub form, and says what it cannot do', async () => {
    const { page } = await site.open({ javaScriptEnabled: false });
    await page.goto(site.url(paths.contribute()));
    expect(await page.locator('[data-no-js]').first().isVisible()).toBe(true);
    for (const field of draftFields) {
      const control = controlOf(field) === 'radios' || controlOf(field) === 'checkboxes'
        ? page.getByRole('group', { name: field.label, exact: true })
        : page.getByLabel(field.label, { exact: true });
      expect(await control.isVisible(), field.id).toBe(true);
    }
    const form = page.locator('form.app-draft-form');
    expect(await form.getAttribute('method')).toBe('get');
    expect(await form.getAttribute('action')).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/issues\/new$/);
    expect(await form.locator('input[type="hidden"][name="template"]').getAttribute('value')).toBe('propose-blueprint.yml');
    expect(await page.getByRole('button', { name: 'Continue on GitHub' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Continue', exact: true }).count()).toBe(0);
    const links = page.locator('[data-no-js] a');
    expect(await links.first().getAttribute('href')).toMatch(/\/issues\/new\?template=propose-blueprint\.yml$/);
    expect(await links.nth(1).getAttribute('href')).toMatch(/\/CONTRIBUTING\.md$/);
  });

  it('says, on a site built without the gateway, that every way needs a free GitHub account', async () => {
    const text = readFileSync(builtPages().find((p) => p.kind === 'contribute')!.file, 'utf8');
    expect(text).toContain('You need a free GitHub account for all of them.');
    expect(text).not.toContain('Send a blueprint with your work email address');
  });

  it('is valid HTML', async () => {
    const page = builtPages().find((p) => p.kind === 'contribute')!;
    const report = await htmlValidator().validateString(readFileSync(page.file, 'utf8'));
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
    expect(messages).toEqual([]);
  });
});
