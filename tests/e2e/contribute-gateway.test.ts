/**
 * A contributor with no GitHub account sends a blueprint from the drafting form: the site is built
 * with PUBLIC_GATEWAY_URL pointing at a real gateway on 127.0.0.1, backed by the fake GitHub's App
 * endpoints, a real SMTP server that receives the sign-in code, and a real SQLite file. In
 * Chromium, the author drafts, checks the answers, asks for a code, signs in with it, sends, and
 * sees the pull request link on the confirmation; the fake GitHub then holds exactly that pull
 * request. A send that cannot reach the gateway keeps the author on the send step, draft intact.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../gateway/src/config';
import { startGateway, type Gateway } from '../../gateway/src/server';
import { stopEmailsUrl } from '../../gateway/src/email-links';
import { draftAnswers } from '../fixtures/contribute/answers';
import { likelyDuplicate, repository, startHarness, until, type Harness } from '../gateway/harness';
import { axeViolations, formatViolations } from '../support/axe';
import { launchBrowser, openPage } from '../support/browser';
import { stepOfQuestion } from '../../src/lib/contribute/steps';
import { changeablePartsOf, sectionsOf } from '../../src/lib/contribute/section-change';
import { paths } from '../../src/lib/content/urls';
import { draftingFormScriptBudget, gzipped, importedModules, KiB, scriptBudget } from '../support/page-weight';
import { currentStep, fillQuickly, goToStep } from '../support/draft-form';
import { startStaticServer, type StaticServer } from '../support/static-server';

const email = 'ward.manager@nhs.net';
/** The site team's address the site is built with, for the accessibility statement. */
const contactEmail = 'blueprints@example.nhs.uk';

let work: string;
let server: StaticServer;
let harness: Harness;
let gateway: Gateway;
let browser: Browser;
let build: { status: number | null; output: string };

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'contribute-gateway-'));
  const outDir = join(work, 'dist');
  mkdirSync(outDir);
  // The site's address must be known to the gateway (CORS), and the gateway's to the build, so
  // the server starts first, on a placeholder page the build then replaces.
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>Building</title>');
  server = await startStaticServer({ root: outDir, base: '/' });
  harness = await startHarness();
  gateway = await startGateway(settingsFromEnv({ ...harness.env, GATEWAY_SITE_ORIGIN: server.origin }));
  const result = spawnSync('npm', ['run', 'build'], {
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, OUT_DIR: outDir, CACHE_DIR: join(work, 'cache'), BASE_PATH: '/', PUBLIC_GATEWAY_URL: gateway.url, PUBLIC_CONTACT_EMAIL: contactEmail },
  });
  build = { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  browser = await launchBrowser();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
  await harness?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Opens the contribute page, fills in the shared answers and goes to the send step (which checks them). */
async function checkedDraft(page: Page): Promise<Locator> {
  await page.goto(server.url('/contribute/'));
  await fillQuickly(page, draftAnswers);
  await goToStep(page, 'send');
  return page.locator('[data-result]');
}

/** Asks for a code and signs in with it, on the send step (an address of its own keeps a test clear of the codes-per-hour limit). */
/** Asks for a code for `address` on the send step, and waits until the page says it is on its way. */
async function askForCode(panel: Locator, address: string): Promise<void> {
  await panel.getByLabel('Your work email address').fill(address);
  await panel.getByRole('button', { name: 'Email me a code' }).click();
  await panel.getByText(`We have emailed a code to ${address}.`).waitFor();
}

/** A six-digit code that is not the one emailed to `address`. */
const wrongCodeFor = (address: string) => (harness.smtp.codeFor(address) === '000000' ? '111111' : '000000');

/** The send step's errors after a limit is reached: that the answers are safe, and the drafting form's other ways to send. */
async function expectLimitExplained(errors: Locator): Promise<void> {
  const said = await errors.innerText();
  expect(said).toContain('Your answers are saved on this device.');
  expect(said).toContain('Or send it another way, below: open the GitHub form with your draft filled in, or download the file.');
}

async function signIn(panel: Locator, address = email): Promise<void> {
  await askForCode(panel, address);
  await panel.getByLabel('The 6-digit code from the email').fill(harness.smtp.codeFor(address));
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await panel.getByText(`Signed in as ${address}.`).waitFor();
}

describe('sending a draft without a GitHub account', () => {
  it('builds the site with the gateway offered on the drafting form', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('keeps the JavaScript each form page loads with the gateway within the page-weight budget', () => {
    // The site's own budget test measures a build without the gateway, where these pages load less or nothing.
    const outDir = join(work, 'dist');
    const weights = [paths.contribute(), paths.weAreUsingThis(), paths.feedback(), paths.review(), paths.suggestChange()].map((path) => {
      const html = readFileSync(join(outDir, path, 'index.html'), 'utf8');
      const modules = new Set<string>();
      for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="\/([^"]+)"/g)) importedModules(join(outDir, src), modules);
      return { path, js: [...modules].reduce((sum, file) => sum + gzipped(readFileSync(file)), 0), budget: path === paths.contribute() ? draftingFormScriptBudget : scriptBudget };
    });
    console.log(weights.map((w) => `${w.path} ${(w.js / KiB).toFixed(1)} KiB`).join(', '));
    expect(weights.every((w) => w.js > 0), 'every form page loads its script').toBe(true);
    expect(weights.filter((w) => w.js > w.budget).map((w) => `${w.path} ${(w.js / KiB).toFixed(1)} KiB of ${w.budget / KiB}`)).toEqual([]);
  });

  it('says on the home and contribute pages that a blueprint can be sent with a work email address, not that GitHub is needed for everything', async () => {
    const { page, close } = await openPage(browser);
    try {
      await page.goto(server.url('/'));
      await expect(page.locator('main').innerText()).resolves.toContain('A blueprint can be sent with your work email address, no GitHub account needed.');
      await page.goto(server.url('/contribute/'));
      const main = await page.locator('main').innerText();
      expect(main).toContain('Send a blueprint with your work email address');
      expect(main).not.toContain('You need a free GitHub account for all of them.');
      // "Give feedback on this page" goes to the site's own feedback page when the gateway is there.
      expect(main).toContain('It needs only your work email address, not a GitHub account.');
      expect(main).not.toContain('It opens a GitHub issue, so it needs a free GitHub account too.');
      const notListedHelp = await page.locator('main').textContent();
      expect(notListedHelp).toContain('Send your draft in any of the ways offered at the end');
      expect(notListedHelp).not.toContain('Send your draft with the GitHub form');
    } finally {
      await close();
    }
  });

  it('offers the feedback form, which needs no GitHub account, for reporting an accessibility problem', async () => {
    const { page, close } = await openPage(browser);
    try {
      await page.goto(server.url('/accessibility/'));
      const report = page.locator('main p', { hasText: 'If you find a problem' });
      await expect(report.innerText()).resolves.toContain('needs no GitHub account');
      await expect(report.innerText()).resolves.not.toContain('If you cannot use GitHub');
      const links = await report.locator('a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links).toContain('/feedback/');
      // Built with the site team's address: offered as a way that needs neither GitHub nor the form.
      const mail = page.locator('main p', { hasText: 'Or email us at' }).getByRole('link', { name: contactEmail });
      expect(await mail.getAttribute('href')).toBe(`mailto:${contactEmail}`);
    } finally {
      await close();
    }
  });

  it('signs in with the emailed code, sends the draft and shows the pull request it became', async () => {
    const { page, close } = await openPage(browser);
    try {
      const panel = await checkedDraft(page);
      await panel.getByLabel('Your work email address').fill(email);
      await panel.getByRole('button', { name: 'Email me a code' }).press('Enter');
      await panel.getByText(`We have emailed a code to ${email}.`).waitFor();
      await until(() => harness.smtp.messages.some((m) => m.to.includes(email)), 'the sign-in code');
      // Only the code's email has gone out, and nothing has reached GitHub yet.
      expect(harness.fake.pulls(repository)).toEqual([]);

      await page.keyboard.type(harness.smtp.codeFor(email));
      await page.keyboard.press('Enter');
      await panel.getByText(`Signed in as ${email}.`).waitFor();

      const violations = await axeViolations(page);
      expect(violations, formatViolations('/contribute/ with the gateway', violations)).toEqual([]);

      // By keyboard, as above: a mouse left resting where the confirmation then puts a link would
      // show that link in its hover style (no underline), which axe reports.
      await panel.getByRole('button', { name: 'Send my draft' }).press('Enter');
      const confirmation = page.locator('[data-step="sent"]');
      const link = confirmation.getByRole('link', { name: /^pull request #\d+$/ });
      await link.waitFor({ timeout: 60_000 });
      expect(await confirmation.getByRole('heading', { name: 'Your draft has been sent' }).isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-sent');
      expect(await panel.isHidden()).toBe(true);
      const confirmed = await axeViolations(page);
      expect(confirmed, formatViolations('/contribute/#step-sent with the gateway', confirmed)).toEqual([]);

      const pulls = harness.fake.pulls(repository);
      expect(pulls).toHaveLength(1);
      expect(await link.getAttribute('href')).toMatch(new RegExp(`/pull/${pulls[0].number}$`));
      expect(pulls[0].title).toContain(String(draftAnswers.title));
      // Its reference and its own page, whose address needs no GitHub account, even though the pull request opened at once.
      const sent = gateway.store.list().find((s) => s.pullNumber === pulls[0].number)!;
      expect(await confirmation.innerText()).toContain(`Your reference is ${sent.id}.`);
      expect(await confirmation.getByRole('link', { name: 'Follow your proposal on its own page' }).getAttribute('href')).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/submissions/${sent.id}$`));
      // The pull request names where it came from, never who sent it: they did not ask to be named.
      expect(pulls[0].body).toContain('from a verified address at nhs.net');
      expect(JSON.stringify(pulls)).not.toContain(email);
    } finally {
      await close();
    }
  }, 120_000);

  it('shows the status page from the email styled, under the gateway\u2019s content security policy, with no axe violations', async () => {
    const sent = gateway.store.list().find((s) => s.state === 'sent');
    expect(sent, 'a proposal sent by the test above').toBeDefined();
    const { page, close } = await openPage(browser);
    try {
      await page.goto(`${gateway.url}/submissions/${sent!.id}`);
      await page.getByRole('heading', { level: 1, name: 'Sent for review' }).waitFor();
      // The stylesheet applied: the header is NHS blue and the text NHS.UK's, not the browser's defaults.
      expect(await page.locator('header').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(0, 94, 184)');
      expect(await page.locator('body').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(33, 43, 50)');
      // The keyboard's focus shows as NHS.UK's yellow.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).backgroundColor)).toBe('rgb(255, 235, 59)');
      const violations = await axeViolations(page);
      expect(violations, formatViolations('the gateway status page', violations)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows the site team\u2019s replies passed on from GitHub on the status page, as text, with no axe violations', async () => {
    const sent = gateway.store.list().find((s) => s.state === 'sent' && s.kind === 'blueprint');
    expect(sent, 'a proposal sent by the test above').toBeDefined();
    harness.fake.addUser('reviewer', 'reviewer-token');
    harness.fake.repo(repository).collaborators.add('reviewer');
    const review = await fetch(`${harness.fake.url}/repos/${repository}/pulls/${sent!.pullNumber}/reviews`, {
      method: 'POST', headers: { authorization: 'token reviewer-token', 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'REQUEST_CHANGES', body: 'Please say what the backfill cost.\n<b>Which year</b> are the figures from?' }),
    });
    expect(review.status).toBe(200);
    // A look as if GATEWAY_FOLLOW_MINUTES had passed since it was sent.
    expect(await gateway.worker.followUp(Date.now() + 11 * 60_000)).toMatchObject({ emailed: 1 });
    const { page, close } = await openPage(browser);
    try {
      await page.goto(`${gateway.url}/submissions/${sent!.id}`);
      await page.getByRole('heading', { level: 2, name: 'Replies from the site team' }).waitFor();
      expect(await page.getByRole('listitem').count()).toBe(1);
      expect(await page.getByRole('listitem').innerText()).toContain('reviewer asked for changes');
      expect(await page.getByRole('listitem').innerText()).toContain('<b>Which year</b> are the figures from?');
      const violations = await axeViolations(page);
      expect(violations, formatViolations('the gateway status page with a reply', violations)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('sends an edited draft as an update to the same pull request, not a second one', async () => {
    const { page, close } = await openPage(browser);
    try {
      const panel = await checkedDraft(page);
      await signIn(panel);
      await panel.getByRole('button', { name: 'Send my draft' }).click();
      const confirmation = page.locator('[data-step="sent"]');
      await confirmation.getByRole('link', { name: /^pull request #\d+$/ }).waitFor({ timeout: 60_000 });
      const before = harness.fake.pulls(repository).length;

      // The author changes an answer from check your answers and sends again: still signed in, the same proposal.
      const headline = 'Calls to find a bed fell from about 60 a day to 12 in the first month.';
      await confirmation.getByRole('link', { name: 'Change your draft' }).click();
      await page.getByRole('link', { name: 'Change Headline result', exact: true }).click();
      await page.getByLabel('Headline result', { exact: true }).fill(headline);
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await page.getByRole('button', { name: 'Continue to send' }).click();
      await panel.getByText(`Signed in as ${email}.`).waitFor();
      // Told so, as after a reload of the confirmation: sending again is an update, not a second proposal.
      expect(await panel.locator('[data-status]').innerText()).toContain('You have already sent this draft: sending it again updates the same proposal while it is still open.');
      await panel.getByRole('button', { name: 'Send my draft' }).click();
      await until(() => harness.fake.pulls(repository).some((p) => p.body.includes(headline)), 'the pull request to show the new answer', 60_000);
      expect(harness.fake.pulls(repository)).toHaveLength(before);
    } finally {
      await close();
    }
  }, 120_000);

  it('takes the author from a problem the gateway found to its question on an earlier step, and back to check your answers', async () => {
    const { page, close } = await openPage(browser);
    try {
      await page.goto(server.url('/contribute/'));
      await fillQuickly(page, likelyDuplicate().answers);
      await goToStep(page, 'send');
      const panel = page.locator('[data-result]');
      await signIn(panel, 'duplicate.author@nhs.net');
      await panel.getByRole('button', { name: 'Send my draft' }).click();
      const link = panel.locator('[data-errors] [data-error-list] a').first();
      await link.waitFor();
      expect(await link.innerText()).toMatch(/ambulance-electronic-patient-care-records/);
      await link.click();
      const titleStep = stepOfQuestion('title')!.id;
      await page.locator(`#step-${titleStep}`).waitFor({ state: 'visible' });
      expect(await currentStep(page)).toBe(titleStep);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('draft-title');
      await page.getByLabel('Title', { exact: true }).fill('Ambulance tablets for patient care records, a second county');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('#step-check-answers').waitFor({ state: 'visible' });
    } finally {
      await close();
    }
  }, 120_000);

  it('shows a sign-in problem beside its box as well as in the summary above the form, the NHS.UK way', async () => {
    const { page, close } = await openPage(browser);
    try {
      const panel = await checkedDraft(page);
      await panel.getByLabel('Your work email address').fill('not an address');
      await panel.getByRole('button', { name: 'Email me a code' }).click();
      const summary = panel.locator('[data-errors]');
      await summary.waitFor();
      expect(await summary.getByRole('heading').innerText()).toBe('There is a problem');
      const box = panel.getByLabel('Your work email address');
      const group = panel.locator('[data-field="gateway-email"]');
      expect(await group.getAttribute('class')).toContain('nhsuk-form-group--error');
      expect(await group.locator('.nhsuk-error-message').textContent()).toBe('Error: Enter your work email address, like name@nhs.net');
      expect(await box.getAttribute('aria-describedby')).toContain('draft-gateway-email-error');
      const [summaryTop, boxTop] = await Promise.all([summary.boundingBox(), box.boundingBox()]);
      expect(summaryTop!.y, 'the summary comes before the form').toBeLessThan(boxTop!.y);
      const marked = await axeViolations(page);
      expect(marked, formatViolations('/contribute/ send step with a sign-in problem', marked)).toEqual([]);
      // "Error: " leads the title while the summary shows, as GOV.UK asks.
      expect(await page.title()).toBe('Error: Send your draft: Contribute a blueprint – Blueprint Commons');

      await askForCode(panel, 'inline.errors@nhs.net');
      expect(await group.getAttribute('class')).not.toContain('nhsuk-form-group--error');
      expect(await page.title()).toBe('Send your draft: Contribute a blueprint – Blueprint Commons');
      // A wrong code is an error too.
      await panel.getByLabel('The 6-digit code from the email').fill(wrongCodeFor('inline.errors@nhs.net'));
      await panel.getByRole('button', { name: 'Sign in' }).click();
      await panel.locator('[data-errors]').getByText('The code is not right').waitFor();
      expect(await page.title()).toBe('Error: Send your draft: Contribute a blueprint – Blueprint Commons');
    } finally {
      await close();
    }
  }, 120_000);

  it('says, once too many wrong codes lock the address, that the answers are kept and what else can be done now', async () => {
    const { page, close } = await openPage(browser);
    try {
      const address = 'wrong.codes@nhs.net';
      const panel = await checkedDraft(page);
      await askForCode(panel, address);
      const wrong = wrongCodeFor(address);
      const errors = panel.locator('[data-errors]');
      // GATEWAY_CODE_TRIES, as the harness leaves it: 5; the fifth wrong code locks the address.
      for (let i = 0; i < 5; i++) {
        await panel.getByLabel('The 6-digit code from the email').fill(wrong);
        const answered = page.waitForResponse((r) => r.url().endsWith('/api/verify'));
        await panel.getByRole('button', { name: 'Sign in' }).click();
        expect((await answered).status()).toBe(i < 4 ? 422 : 429);
      }
      await errors.getByText(/^Too many wrong codes/).waitFor();
      await expectLimitExplained(errors);
    } finally {
      await close();
    }
  }, 120_000);

  it('says, once the codes for an address run out, that the answers are kept and what else can be done now', async () => {
    const { page, close } = await openPage(browser);
    try {
      const address = 'many.codes@nhs.net';
      const panel = await checkedDraft(page);
      // The hint asks for patience before another code, each of which counts towards the hour's limit.
      expect(await panel.locator('#gateway-code-hint').textContent()).toBe('It works for 15 minutes. It can take a few minutes to arrive: check your junk folder before you ask for another.');
      await panel.getByLabel('Your work email address').fill(address);
      // GATEWAY_CODES_PER_HOUR, as the harness leaves it: 5.
      for (let i = 0; i < 5; i++) {
        await panel.getByRole('button', { name: 'Email me a code' }).click();
        await panel.getByText(`We have emailed a code to ${address}.`).waitFor();
        await panel.locator('[data-status]').evaluate((s) => s.replaceChildren());
      }
      await panel.getByRole('button', { name: 'Email me a code' }).click();
      const errors = panel.locator('[data-errors]');
      await errors.getByText(/^Too many requests for this email address: try again in \d+ minutes\./).waitFor();
      await expectLimitExplained(errors);
      const limited = await axeViolations(page);
      expect(limited, formatViolations('/contribute/ send step after too many codes', limited)).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it('goes back to the code box after a reload while the code is on its way, and the code sent still signs in', async () => {
    const { page, close } = await openPage(browser);
    try {
      const address = 'reloaded.tab@nhs.net';
      let panel = await checkedDraft(page);
      await askForCode(panel, address);
      await page.reload();
      await goToStep(page, 'send');
      panel = page.locator('[data-result]');
      await panel.getByText(`We have emailed a code to ${address}.`).waitFor();
      expect(await panel.getByLabel('The 6-digit code from the email').isVisible()).toBe(true);
      await panel.getByLabel('The 6-digit code from the email').fill(harness.smtp.codeFor(address));
      await panel.getByRole('button', { name: 'Sign in' }).click();
      await panel.getByText(`Signed in as ${address}.`).waitFor();
      expect(harness.smtp.messages.filter((m) => m.to.includes(address))).toHaveLength(1);
    } finally {
      await close();
    }
  }, 120_000);

  it('signs out, so the next person at a shared computer cannot send in this one\u2019s name', async () => {
    const { page, close } = await openPage(browser);
    try {
      const panel = await checkedDraft(page);
      await signIn(panel, 'shared.computer@nhs.net');
      await panel.getByRole('button', { name: 'Sign out' }).click();
      await panel.getByText('Signed out.').waitFor();
      expect(await panel.getByLabel('Your work email address').isVisible()).toBe(true);
      expect(await panel.getByLabel('Your work email address').inputValue()).toBe('');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('gateway-email');
      expect(await panel.getByRole('button', { name: 'Send my draft' }).isVisible()).toBe(false);
      // The gateway has ended the session: a reload does not bring it back.
      await page.reload();
      await goToStep(page, 'send');
      await panel.getByLabel('Your work email address').waitFor({ state: 'visible' });
      expect(await panel.getByText('Signed in as').count()).toBe(0);
    } finally {
      await close();
    }
  }, 120_000);

  it('shows no send button on the send step until it knows whether the author is signed in', async () => {
    const { page, close } = await openPage(browser);
    try {
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/session', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(server.url('/contribute/'));
      await fillQuickly(page, draftAnswers);
      await goToStep(page, 'send');
      const panel = page.locator('[data-result]');
      expect(await panel.getByRole('button', { name: 'Send my draft' }).isVisible()).toBe(false);
      release();
      await panel.getByLabel('Your work email address').waitFor({ state: 'visible' });
    } finally {
      await close();
    }
  }, 120_000);

  it('says it is sending and marks the button busy while the sending service is slow, then that it is not answering, with the other ways to send', async () => {
    const { page, close } = await openPage(browser);
    try {
      const panel = await checkedDraft(page);
      await signIn(panel, 'paused.gateway@nhs.net');
      // The sending service stops answering (paused, say), until the request gives up.
      let giveUp: () => void = () => {};
      await page.route(`${gateway.url}/api/submissions**`, (route) => new Promise<void>((resolve) => {
        giveUp = () => void route.abort('timedout').then(resolve);
      }));
      const button = panel.getByRole('button', { name: 'Send my draft' });
      await button.press('Enter');
      const status = panel.locator('[data-status]');
      await status.getByText('Sending…', { exact: true }).waitFor();
      expect(await button.getAttribute('aria-disabled')).toBe('true');
      // Busy, not disabled: it keeps the keyboard's focus.
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
      const busy = await axeViolations(page);
      expect(busy, formatViolations('/contribute/ send step while sending', busy)).toEqual([]);

      giveUp();
      const errors = panel.locator('[data-errors]');
      await errors.getByText('The sending service is not answering. It may be down: try again in a few minutes.').waitFor();
      const said = await errors.innerText();
      expect(said).toContain('Your answers are saved on this device.');
      expect(said).toContain('Or send it another way, below: open the GitHub form with your draft filled in, or download the file.');
      expect(said).not.toContain('check your connection');
      expect(await button.getAttribute('aria-disabled')).toBeNull();
      expect(await status.innerText()).toBe('');
      const failed = await axeViolations(page);
      expect(failed, formatViolations('/contribute/ send step when the sending service is not answering', failed)).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it('keeps the author on the send step with the draft intact when the gateway cannot be reached', async () => {
    const { page, close } = await openPage(browser);
    try {
      const panel = await checkedDraft(page);
      await signIn(panel);
      const before = harness.fake.pulls(repository).length;
      // The gateway goes away between signing in and sending.
      await page.route(`${gateway.url}/api/submissions**`, (route) => route.abort('connectionrefused'));
      await panel.getByRole('button', { name: 'Send my draft' }).click();
      const errors = panel.locator('[data-errors]');
      await errors.getByText('The sending service is not answering').waitFor();
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-errors'))).toBe(true);
      expect(await currentStep(page)).toBe('send');
      expect(harness.fake.pulls(repository)).toHaveLength(before);

      await page.reload();
      await page.locator('#step-send').waitFor({ state: 'visible' });
      await goToStep(page, 'check-answers');
      expect(await page.locator('[data-answers]').innerText()).toContain(String(draftAnswers['outcome-headline']));
      expect(await page.locator('[data-answers]').innerText()).toContain(String(draftAnswers.title));
    } finally {
      await close();
    }
  }, 120_000);
});

describe('saying "we are using this" without a GitHub account', () => {
  const blueprint = 'electronic-observations-in-nine-months';

  it('goes from the blueprint page to the record form, checks it, and sends it as a pull request adding the record', async () => {
    const { page, close } = await openPage(browser);
    try {
      await page.goto(server.url(`/blueprints/${blueprint}/`));
      await page.locator('#lineage-heading').waitFor();
      await page.getByRole('link', { name: 'We are using this', exact: true }).click();
      await page.waitForURL(/\/we-are-using-this\/\?blueprint=/);
      const form = page.locator('adoption-form form');
      expect(await form.getByLabel('Which blueprint are you using?').inputValue()).toBe(blueprint);

      // Nothing else answered: each missing answer is listed and marked, and nothing is sent.
      await form.getByRole('button', { name: 'Send without a GitHub account' }).click();
      const summary = form.locator('[data-error-summary]');
      await summary.waitFor();
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
      const listed = await summary.locator('li').allInnerTexts();
      expect(listed).toEqual([
        'Choose your organisation, or “My organisation is not listed”',
        'Choose how far you have got',
        'Write when you reached this stage, as a month and year, for example April 2025',
        'Confirm both statements under “Before you submit”',
      ]);
      expect(await page.locator('[data-send]').isHidden()).toBe(true);
      const pageTitle = (await page.title()).replace(/^Error: /, '');
      expect(await page.title()).toBe(`Error: ${pageTitle}`);
      const marked = await axeViolations(page);
      expect(marked, formatViolations('/we-are-using-this/ with errors', marked)).toEqual([]);

      await form.getByLabel('Your organisation', { exact: true }).selectOption('thornwick-childrens-hospital');
      await form.getByLabel('Piloting').check();
      await form.getByLabel('When did you reach this stage?').fill('2026-10');
      await form.getByLabel('What has happened so far? (optional)').fill('Two wards use it; the rest follow after the winter.');
      await form.getByLabel('This contains no patient-identifiable information').check();
      await form.getByLabel('My organisation agrees to this record being published').check();
      await form.getByRole('button', { name: 'Send without a GitHub account' }).click();
      const panel = page.locator('[data-send]');
      await panel.getByRole('heading', { name: 'Send your record' }).waitFor();
      expect(await summary.isHidden()).toBe(true);
      expect(await page.title()).toBe(pageTitle);
      await signIn(panel);
      await panel.getByRole('button', { name: 'Send my record' }).click();

      const sent = page.locator('[data-sent]');
      const link = sent.getByRole('link', { name: /^pull request #\d+$/ });
      await link.waitFor({ timeout: 60_000 });
      expect(await sent.getByRole('heading', { name: 'Your record has been sent' }).isVisible()).toBe(true);
      expect(await page.title()).toBe(`Your record has been sent: ${pageTitle}`);
      const pullHref = await link.getAttribute('href');
      const reference = gateway.store.list().find((s) => s.pullUrl === pullHref)!.id;
      expect(await sent.innerText()).toContain(`Your reference is ${reference}.`);
      expect(await sent.getByRole('link', { name: 'Follow your record on its own page' }).getAttribute('href')).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/submissions/${reference}$`));
      expect(await panel.locator('[data-status]').innerText()).toMatch(/^Your record is on GitHub as pull request #\d+, where the site team checks it\.$/);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('sent-heading');
      const done = await axeViolations(page);
      expect(done, formatViolations('/we-are-using-this/ sent', done)).toEqual([]);

      const href = (await link.getAttribute('href')) ?? '';
      const pull = harness.fake.pulls(repository).find((p) => href.endsWith(`/pull/${p.number}`))!;
      expect(pull.title).toMatch(/^Adoption/);
      const git = harness.fake.repo(repository).git;
      const record = git.fileAt(git.ref(`heads/${pull.pull!.headRef}`)!, `src/content/adoptions/thornwick-childrens-hospital--${blueprint}.yaml`)?.toString('utf8');
      expect(record).toContain('stage: piloting');
      expect(record).toContain('date: 2026-10');
      expect(JSON.stringify(pull)).not.toContain(email);
    } finally {
      await close();
    }
  }, 120_000);

  it('sends the answers as corrected after the gateway refused them, not those the send step opened with', async () => {
    const { page, close } = await openPage(browser);
    try {
      // A blueprint the site does not have: only the gateway, which knows the site's blueprints, refuses it.
      await page.goto(server.url('/we-are-using-this/?blueprint=no-such-blueprint&organisation=pennick-bay-community-care'));
      const form = page.locator('adoption-form form');
      await form.getByLabel('Piloting').check();
      await form.getByLabel('When did you reach this stage?').fill('October 2026');
      await form.getByLabel('This contains no patient-identifiable information').check();
      await form.getByLabel('My organisation agrees to this record being published').check();
      await form.getByRole('button', { name: 'Send without a GitHub account' }).click();
      const panel = page.locator('[data-send]');
      await signIn(panel, 'adopter.corrected@nhs.net');
      await panel.getByRole('button', { name: 'Send my record' }).click();
      const errors = panel.locator('[data-errors]');
      await errors.waitFor();
      expect(await errors.innerText()).toMatch(/no-such-blueprint/);

      await form.getByLabel('Which blueprint are you using?').fill(blueprint);
      await form.getByLabel('Live').check();
      await panel.getByRole('button', { name: 'Send my record' }).click();
      const link = page.locator('[data-sent]').getByRole('link', { name: /^pull request #\d+$/ });
      await link.waitFor({ timeout: 60_000 });
      const href = (await link.getAttribute('href')) ?? '';
      const pull = harness.fake.pulls(repository).find((p) => href.endsWith(`/pull/${p.number}`))!;
      const git = harness.fake.repo(repository).git;
      const record = git.fileAt(git.ref(`heads/${pull.pull!.headRef}`)!, `src/content/adoptions/pennick-bay-community-care--${blueprint}.yaml`)?.toString('utf8');
      expect(record).toContain('stage: live');
      expect(record).toContain('date: 2026-10');
    } finally {
      await close();
    }
  }, 120_000);

  it('sends a record as a new proposal when the gateway no longer knows the one this browser remembers', async () => {
    const { page, close } = await openPage(browser);
    try {
      // The address a reminder to update a record gives: blueprint and organisation filled in.
      await page.goto(server.url(`/we-are-using-this/?blueprint=${blueprint}&organisation=kestrel-bay-mental-health`));
      // As if sent from this browser long ago, by an address the gateway has since forgotten.
      await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ key: 'remembered-key-0123456789', id: 'forgotten1' })), `blueprint-commons:gateway-adoption:v1:kestrel-bay-mental-health--${blueprint}`);
      const form = page.locator('adoption-form form');
      expect(await form.getByLabel('Your organisation', { exact: true }).inputValue()).toBe('kestrel-bay-mental-health');
      await form.getByLabel('Exploring').check();
      await form.getByLabel('When did you reach this stage?').fill('2026-11');
      await form.getByLabel('This contains no patient-identifiable information').check();
      await form.getByLabel('My organisation agrees to this record being published').check();
      await form.getByRole('button', { name: 'Send without a GitHub account' }).click();
      const panel = page.locator('[data-send]');
      await signIn(panel);
      const before = harness.fake.pulls(repository).length;
      await panel.getByRole('button', { name: 'Send my record' }).click();
      await page.locator('[data-sent]').getByRole('link', { name: /^pull request #\d+$/ }).waitFor({ timeout: 60_000 });
      expect(harness.fake.pulls(repository)).toHaveLength(before + 1);
      expect(await panel.locator('[data-errors]').isHidden()).toBe(true);
    } finally {
      await close();
    }
  }, 120_000);
  it('sends a record as a new proposal, and says why, when the one this browser sent before has been accepted', async () => {
    const address = 'adopter.accepted@nhs.net';
    const { page, close } = await openPage(browser);
    try {
      await page.goto(server.url(`/we-are-using-this/?blueprint=${blueprint}&organisation=brindlecote-hospital`));
      const form = page.locator('adoption-form form');
      await form.getByLabel('Exploring').check();
      await form.getByLabel('When did you reach this stage?').fill('2026-09');
      await form.getByLabel('This contains no patient-identifiable information').check();
      await form.getByLabel('My organisation agrees to this record being published').check();
      await form.getByRole('button', { name: 'Send without a GitHub account' }).click();
      const panel = page.locator('[data-send]');
      await signIn(panel, address);
      await panel.getByRole('button', { name: 'Send my record' }).click();
      const status = panel.locator('[data-status]');
      await status.getByText(/^Your record is on GitHub as pull request #\d+/).waitFor({ timeout: 60_000 });
      const first = gateway.store.list().find((s) => s.email === address)!;
      // The site team merges it, and the gateway has looked since.
      gateway.store.recordFollowUp(first.id, 'merged', [], Date.now(), []);

      // Later, in the same browser, as the confirmation advises: the same organisation and blueprint again.
      await form.getByLabel('Live').check();
      await form.getByRole('button', { name: 'Send without a GitHub account' }).click();
      await status.getByText(`Signed in as ${address}.`).waitFor();
      // It cannot know yet that the first was accepted, so it does not promise an update.
      expect(await status.innerText()).toContain('sending it again updates the same proposal while it is still open.');
      const before = harness.fake.pulls(repository).length;
      await panel.getByRole('button', { name: 'Send my record' }).click();
      await status.getByText(/^Your earlier record was accepted, so we have sent this as a new record\. Your record is on GitHub as pull request #\d+/).waitFor({ timeout: 60_000 });
      expect(await panel.locator('[data-errors]').isHidden()).toBe(true);
      expect(harness.fake.pulls(repository)).toHaveLength(before + 1);
      expect(await page.locator('[data-sent]').innerText()).toContain('Your earlier record was accepted, so we have sent this as a new record.');
      // The new one is remembered, so the next send changes it and not the accepted one.
      const second = gateway.store.list().filter((s) => s.email === address).find((s) => s.id !== first.id)!;
      const stored = await page.evaluate((key) => localStorage.getItem(key), `blueprint-commons:gateway-adoption:v1:brindlecote-hospital--${blueprint}`);
      expect(JSON.parse(stored!).id).toBe(second.id);
      const done = await axeViolations(page);
      expect(done, formatViolations('/we-are-using-this/ sent as a new record', done)).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);
});

describe('the question forms without JavaScript', () => {
  it('hide a form only the sending service can send, and say first what can be done instead; a form GitHub can take stays', async () => {
    const { page, close } = await openPage(browser, { javaScriptEnabled: false });
    try {
      for (const [path, element] of [[paths.review(), 'review-form'], [paths.suggestChange(), 'change-form']]) {
        await page.goto(server.url(path));
        const note = page.locator('.nhsuk-inset-text[data-no-js]');
        await expect(note.innerText(), path).resolves.toMatch(/needs JavaScript, which is off or has not loaded in your browser\. You can still do it on GitHub/);
        await expect(note.getByRole('link', { name: 'do it on GitHub' }).getAttribute('href')).resolves.toBe('#on-github');
        await expect(page.locator('#on-github').count()).resolves.toBe(1);
        await expect(page.locator(`${element} > form`).isVisible(), `${path}: questions nothing could send`).resolves.toBe(false);
      }
      await page.goto(server.url(paths.feedback()));
      await expect(page.locator('[data-no-js]').innerText()).resolves.toMatch(/continue on GitHub/);
      await expect(page.locator('feedback-form > form').isVisible()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: 'Continue on GitHub' }).isVisible()).resolves.toBe(true);
      // The note comes before the questions.
      const [noteBox, formBox] = await Promise.all([page.locator('[data-no-js]').boundingBox(), page.locator('feedback-form > form').boundingBox()]);
      expect(noteBox!.y).toBeLessThan(formBox!.y);
    } finally {
      await close();
    }
  });
});

describe("reviewing one's own blueprint without a GitHub account", () => {
  const slug = 'electronic-observations-in-nine-months';
  const file = `src/content/blueprints/${slug}.mdx`;

  it('goes from the foot of the blueprint to the review form with the blueprint filled in, and sends it as one pull request', async () => {
    harness.fake.repo(repository).git.commitFiles('main', { [file]: readFileSync(file, 'utf8') }, 'The blueprint, as GitHub has it');
    const { page, close } = await openPage(browser);
    try {
      await page.goto(server.url(`/blueprints/${slug}/`));
      const foot = page.getByRole('complementary', { name: 'Improve this page' });
      expect(await foot.innerText()).toContain('Review this blueprint (for its owners; no GitHub account needed)');
      await foot.getByRole('link', { name: 'Review this blueprint' }).click();
      await page.waitForURL(/\/review\/\?blueprint=/);
      const form = page.locator('review-form form');
      expect(await form.getByLabel('Which blueprint?').inputValue()).toBe(slug);
      expect(await form.locator('[data-page-title]').innerText()).toBe('You are reviewing “Moving 40 wards to electronic observations in nine months”.');
      expect(await form.getByRole('button', { name: 'Continue on GitHub' }).count()).toBe(0);

      await form.getByRole('button', { name: 'Send without a GitHub account' }).click();
      const summary = form.locator('[data-error-summary]');
      await summary.waitFor();
      expect(await summary.locator('li').allInnerTexts()).toEqual(['Say whether it is still right', 'Confirm both statements under “Before you send it”']);
      expect(await page.title()).toMatch(/^Error: /);
      const marked = await axeViolations(page);
      expect(marked, formatViolations('/review/ with errors', marked)).toEqual([]);

      await form.getByLabel('It is still right: mark it reviewed today').check();
      await form.getByLabel('I work in the team that wrote this blueprint, or that looks after it now').check();
      await form.getByLabel('This contains no patient information and nothing confidential').check();
      await form.getByLabel('Your role (optional)').fill('Chief nursing information officer');
      // With no submit button, Enter in a field sends nothing and leaves the answers as they are.
      await form.getByLabel('Your role (optional)').press('Enter');
      expect(page.url()).toContain(`/review/?blueprint=${slug}`);
      await form.getByRole('button', { name: 'Send without a GitHub account' }).click();
      const panel = page.locator('[data-send]');
      await panel.getByRole('heading', { name: 'Send your review' }).waitFor();
      await signIn(panel, 'owner.review@nhs.net');
      await panel.getByRole('button', { name: 'Send my review' }).click();

      const link = page.locator('[data-sent]').getByRole('link', { name: /^pull request #\d+$/ });
      await link.waitFor({ timeout: 60_000 });
      expect(await panel.locator('[data-status]').innerText()).toMatch(/^Your review is on GitHub as pull request #\d+, where the site team checks it\.$/);
      expect(await page.title()).toMatch(/^Your review has been sent: /);
      const done = await axeViolations(page);
      expect(done, formatViolations('/review/ sent', done)).toEqual([]);

      const href = (await link.getAttribute('href')) ?? '';
      const pull = harness.fake.pulls(repository).find((p) => href.endsWith(`/pull/${p.number}`))!;
      expect(pull.title).toBe('Review: Moving 40 wards to electronic observations in nine months (reviewed, still right)');
      const git = harness.fake.repo(repository).git;
      const after = git.fileAt(git.ref(`heads/${pull.pull!.headRef}`)!, file)!.toString('utf8');
      expect(after).toContain(`lastReviewed: ${new Date().toISOString().slice(0, 10)}\n`);
      expect(pull.body).not.toContain('owner.review@nhs.net');
    } finally {
      await close();
    }
  }, 120_000);
});

describe('giving feedback on a page without a GitHub account', () => {
  const playbook = 'choose-buy-and-move-onto-an-epr';

  it('keeps Enter in a box on the page, and links to nothing the sending service names that is not a web address', async () => {
    const { page, close } = await openPage(browser);
    try {
      await page.goto(server.url(`/feedback/?page=src/content/playbooks/${playbook}.mdx`));
      const form = page.locator('feedback-form form');
      await form.getByLabel('What kind of feedback is it?').selectOption('wrong');
      await form.getByLabel('Your feedback').fill('The figures in step 2 are from 2019.');
      await form.getByLabel('This contains no patient information and nothing confidential').check();
      // The form's first submit button is "Continue on GitHub", which would carry the answers there in its address.
      await form.getByLabel('Your role (optional)').fill('Ward manager');
      await form.getByLabel('Your role (optional)').press('Enter');
      const panel = page.locator('[data-send]');
      await panel.getByRole('heading', { name: 'Send your feedback' }).waitFor();
      expect(new URL(page.url()).origin).toBe(server.origin);

      // A sending service answering with script addresses (broken, or not the site's): none becomes a link.
      const headers = { 'access-control-allow-origin': server.origin, 'access-control-allow-credentials': 'true', 'content-type': 'application/json' };
      await page.route(`${gateway.url}/api/submissions`, (route) => (route.request().method() === 'POST'
        ? route.fulfill({ status: 202, headers, body: JSON.stringify({ id: 'hostile1', kind: 'feedback', statusUrl: 'javascript:window.__pwned=1' }) })
        : route.continue()));
      let polls = 0;
      await page.route(`${gateway.url}/api/submissions/hostile1`, (route) => route.fulfill({ headers, body: JSON.stringify(++polls < 2 ? { state: 'sent', issue: { number: 9, url: 'javascript:window.__pwned=2' } } : { state: 'failed' }) }));
      await signIn(panel, 'reader.hostile@nhs.net');
      await panel.getByRole('button', { name: 'Send my feedback' }).click();
      await page.locator('[data-sent]').waitFor({ state: 'visible', timeout: 30_000 });
      expect(polls).toBeGreaterThanOrEqual(2);
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    } finally {
      await close();
    }
  }, 120_000);

  it('goes from the foot of a page to the feedback form with the page filled in, and sends it as one issue', async () => {
    const { page, close } = await openPage(browser);
    try {
      await page.goto(server.url(`/playbooks/${playbook}/`));
      const foot = page.getByRole('complementary', { name: 'Improve this page' });
      expect(await foot.innerText()).toContain('Give feedback on this page (no GitHub account needed)');
      await foot.getByRole('link', { name: 'Give feedback on this page' }).click();
      await page.waitForURL(/\/feedback\/\?page=/);
      const form = page.locator('feedback-form form');
      // The page's web address, as the question asks, not the repository's file.
      expect(await form.getByLabel('Which page? (optional)').inputValue()).toMatch(new RegExp(`^https?://[^/]+(/[^/]+)*/playbooks/${playbook}/$`));
      expect(await form.locator('[data-page-title]').innerText()).toBe('Your feedback is about “Choose, buy and move onto an EPR without paying twice”.');
      // Continuing on GitHub instead would title the issue after the page.
      expect(await form.locator('input[name="title"]').inputValue()).toBe('Feedback: Choose, buy and move onto an EPR without paying twice');

      await form.getByRole('button', { name: 'Send without a GitHub account' }).click();
      const summary = form.locator('[data-error-summary]');
      await summary.waitFor();
      expect(await summary.locator('li').allInnerTexts()).toEqual([
        'Choose what kind of feedback it is',
        'Write your feedback',
        'Confirm the statement under “Before you send it”',
      ]);
      expect(await page.title()).toMatch(/^Error: /);
      const marked = await axeViolations(page);
      expect(marked, formatViolations('/feedback/ with errors', marked)).toEqual([]);

      await form.getByLabel('What kind of feedback is it?').selectOption('wrong');
      await form.getByLabel('Your feedback').fill('Step 3 names a framework that has since been replaced.');
      await form.getByLabel('This contains no patient information and nothing confidential').check();
      // Kept in this browser until sent: a reload loses nothing.
      await page.reload();
      await form.getByRole('button', { name: 'Send without a GitHub account' }).waitFor();
      expect(await form.getByLabel('Your feedback').inputValue()).toBe('Step 3 names a framework that has since been replaced.');
      expect(await form.getByLabel('What kind of feedback is it?').inputValue()).toBe('wrong');
      expect(await form.getByLabel('This contains no patient information and nothing confidential').isChecked()).toBe(true);
      await form.getByRole('button', { name: 'Send without a GitHub account' }).click();
      const panel = page.locator('[data-send]');
      await panel.getByRole('heading', { name: 'Send your feedback' }).waitFor();
      await signIn(panel, 'reader.feedback@nhs.net');
      await panel.getByRole('button', { name: 'Send my feedback' }).click();

      const sent = page.locator('[data-sent]');
      const link = sent.getByRole('link', { name: /^issue #\d+$/ });
      await link.waitFor({ timeout: 60_000 });
      expect(await panel.locator('[data-status]').innerText()).toMatch(/^Your feedback is on GitHub as issue #\d+, where the site team replies\.$/);
      expect(await page.title()).toMatch(/^Your feedback has been sent: /);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('sent-heading');
      const done = await axeViolations(page);
      expect(done, formatViolations('/feedback/ sent', done)).toEqual([]);

      const href = (await link.getAttribute('href')) ?? '';
      const issue = harness.fake.issues(repository).find((i) => href.endsWith(`/issues/${i.number}`))!;
      expect(issue.title).toBe('Feedback: Choose, buy and move onto an EPR without paying twice');
      expect(issue.body).toContain('> Step 3 names a framework that has since been replaced.');
      expect(issue.body).not.toContain('reader.feedback@nhs.net');
      // Once sent, nothing of it is kept in the browser.
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('blueprint-commons:answers:v1:')))).toEqual([]);

      // The next feedback from this browser is new feedback, not a change to this one.
      await form.getByLabel('Your feedback').fill('The glossary link in step 5 is broken.');
      await form.getByRole('button', { name: 'Send without a GitHub account' }).click();
      await panel.getByRole('button', { name: 'Send my feedback' }).click();
      await until(() => harness.fake.issues(repository).some((i) => i.body.includes('The glossary link in step 5 is broken.')), 'the second issue');
      expect(harness.fake.issues(repository).find((i) => i.number === issue.number)!.body).toContain('Step 3 names a framework');
    } finally {
      await close();
    }
  }, 120_000);
});

describe('suggesting a change to a blueprint, playbook or template without a GitHub account', () => {
  const slug = 'electronic-observations-in-nine-months';
  const file = `src/content/blueprints/${slug}.mdx`;
  const heading = 'A rollout team of six';

  it('goes from the foot of the blueprint to the change form, which loads the part’s text to change, keeps a change through a reload, and sends it as one pull request', async () => {
    harness.fake.repo(repository).git.commitFiles('main', { [file]: readFileSync(file, 'utf8') }, 'The blueprint, as GitHub has it');
    const { page, close } = await openPage(browser);
    try {
      await page.goto(server.url(`/blueprints/${slug}/`));
      const foot = page.getByRole('complementary', { name: 'Improve this page' });
      await foot.getByRole('link', { name: 'Suggest a change to this blueprint' }).click();
      await page.waitForURL(/\/suggest-a-change\/\?page=/);
      const form = page.locator('change-form form');
      expect(await form.getByLabel('Which page?').inputValue()).toBe(`/blueprints/${slug}/`);
      expect(await form.locator('[data-page-title]').innerText()).toBe('You are suggesting a change to “Moving 40 wards to electronic observations in nine months”.');
      await form.locator('[data-parts-status]').getByText(/parts: choose the one to change/).waitFor();

      await form.getByLabel('Which part of it?').selectOption(heading);
      const box = form.getByLabel('The part as it should read');
      const original = await box.inputValue();
      expect(original).toMatch(/^The rollout team was 6 WTE/);
      await box.fill(original.replace('The rollout team was 6 WTE', 'The rollout team was 6.5 WTE'));
      // A reload keeps the change: it is kept in this browser for that blueprint and part.
      await page.reload();
      await form.locator('[data-parts-status]').getByText(/parts: choose the one to change/).waitFor();
      await form.getByLabel('Which part of it?').selectOption(heading);
      expect(await box.inputValue()).toMatch(/^The rollout team was 6\.5 WTE/);
      // Starting again puts back the part as it is, and forgets the change; the change is then made again.
      await form.getByRole('button', { name: 'Start again from the part as it is now' }).click();
      expect(await box.inputValue()).toBe(original);
      await box.fill(original.replace('The rollout team was 6 WTE', 'The rollout team was 6.5 WTE'));

      await form.getByRole('button', { name: 'Send without a GitHub account' }).click();
      const summary = form.locator('[data-error-summary]');
      await summary.waitFor();
      expect(await summary.locator('li').allInnerTexts()).toEqual(['Say why it should change', 'Confirm both statements under “Before you send it”']);
      expect(await page.title()).toMatch(/^Error: /);
      const marked = await axeViolations(page);
      expect(marked, formatViolations('/suggest-a-change/ with errors', marked)).toEqual([]);

      await form.getByLabel('Why should it change?').fill('The 2021 staffing report says 6.5.');
      await form.getByLabel('To the best of my knowledge the new text is accurate').check();
      await form.getByLabel('It contains no patient information and nothing confidential').check();
      await form.getByRole('button', { name: 'Send without a GitHub account' }).click();
      const panel = page.locator('[data-send]');
      await panel.getByRole('heading', { name: 'Send your change' }).waitFor();
      await signIn(panel, 'ward.sister.change@nhs.net');
      await panel.getByRole('button', { name: 'Send my change' }).click();

      const link = page.locator('[data-sent]').getByRole('link', { name: /^pull request #\d+$/ });
      await link.waitFor({ timeout: 60_000 });
      expect(await page.title()).toMatch(/^Your change has been sent: /);
      const done = await axeViolations(page);
      expect(done, formatViolations('/suggest-a-change/ sent', done)).toEqual([]);
      const href = (await link.getAttribute('href')) ?? '';
      const pull = harness.fake.pulls(repository).find((p) => href.endsWith(`/pull/${p.number}`))!;
      expect(pull.title).toBe(`Change: Moving 40 wards to electronic observations in nine months (${heading})`);
      const git = harness.fake.repo(repository).git;
      const after = git.fileAt(git.ref(`heads/${pull.pull!.headRef}`)!, file)!.toString('utf8');
      expect(after).toBe(readFileSync(file, 'utf8').replace('The rollout team was 6 WTE', 'The rollout team was 6.5 WTE'));
    } finally {
      await close();
    }
  }, 120_000);

  it('goes from the foot of a playbook or template to the change form, which loads the page’s parts', async () => {
    const playbook = 'configure-your-clinical-informatics-team';
    const parts = changeablePartsOf(readFileSync(`src/content/playbooks/${playbook}.mdx`, 'utf8'), 'playbook');
    const [first] = parts;
    const { page, close } = await openPage(browser);
    try {
      await page.goto(server.url(`/playbooks/${playbook}/`));
      await page.getByRole('complementary', { name: 'Improve this page' }).getByRole('link', { name: 'Suggest a change to this playbook' }).click();
      const form = page.locator('change-form form');
      await form.locator('[data-parts-status]').getByText(`${parts.length} parts: choose the one to change, and its text appears below.`).waitFor();
      expect(await form.getByLabel('Which page?').inputValue()).toBe(`/playbooks/${playbook}/`);
      await form.getByLabel('Which part of it?').selectOption(first.heading);
      expect(await form.getByLabel('The part as it should read').inputValue()).toBe(first.text);
      // Its steps are parts too, each description to change.
      const step = parts.find((p) => p.heading.startsWith('Step: '))!;
      await form.getByLabel('Which part of it?').selectOption(step.heading);
      expect(await form.getByLabel('The part as it should read').inputValue()).toBe(step.text);
      expect(await form.locator('#draft-text-hint').innerText()).toMatch(/^This part is one paragraph/);
      await form.getByLabel('Which part of it?').selectOption(first.heading);
      expect(await form.locator('#draft-text-hint').innerText()).toMatch(/^Change what needs changing/);
      // A template's parts, from the foot of its page: its texts, a section's guidance as paragraphs.
      const template = 'business-case-outline';
      const templateParts = changeablePartsOf(readFileSync(`src/content/templates/${template}.yaml`, 'utf8'), 'template');
      await page.goto(server.url(`/templates/${template}/`));
      await page.getByRole('complementary', { name: 'Improve this page' }).getByRole('link', { name: 'Suggest a change to this template' }).click();
      await form.locator('[data-parts-status]').getByText(`${templateParts.length} parts: choose the one to change, and its text appears below.`).waitFor();
      expect(await form.getByLabel('Which page?').inputValue()).toBe(`/templates/${template}/`);
      const section = templateParts.find((p) => p.heading.startsWith('Section: '))!;
      await form.getByLabel('Which part of it?').selectOption(section.heading);
      expect(await form.getByLabel('The part as it should read').inputValue()).toBe(section.text);
      expect(await form.locator('#draft-text-hint').innerText()).toMatch(/^This part is one to four paragraphs/);
      // An address of no page with parts: said beside the question.
      await form.getByLabel('Which page?').fill('/organisations/fellbrook-hospitals/');
      await form.getByLabel('Which page?').press('Tab');
      await form.getByText('We could not find a blueprint, playbook or template from “/organisations/fellbrook-hospitals/”').waitFor();
      expect(await form.getByLabel('Which part of it?').locator('option').allInnerTexts()).toEqual(['Choose a part']);
    } finally {
      await close();
    }
  }, 60_000);

  it('clears a change kept in the browser once the part reads as changed, and warns when the part has changed since the change began', async () => {
    const [landed, overtaken] = sectionsOf(readFileSync(file, 'utf8'));
    const { page, close } = await openPage(browser);
    try {
      await page.goto(server.url(`/suggest-a-change/?page=${slug}`));
      const form = page.locator('change-form form');
      const status = form.locator('[data-parts-status]');
      await status.getByText(/parts: choose the one to change/).waitFor();
      // As the form keeps them: one change since merged (the part reads as its text), one begun on text since replaced.
      await page.evaluate(([key, kept]) => {
        for (const [heading, change] of kept) localStorage.setItem(`${key}${heading}`, JSON.stringify(change));
      }, [`blueprint-commons:change-draft:v1:${slug}:`, [
        [landed.heading, { original: 'The part as it read before the merge.', text: landed.text }],
        [overtaken.heading, { original: 'The part as it read before someone else changed it.', text: 'My change to the old text.' }],
      ]] as const);
      await page.reload();
      await status.getByText(/parts: choose the one to change/).waitFor();
      const part = form.getByLabel('Which part of it?');
      const box = form.getByLabel('The part as it should read');

      await part.selectOption(overtaken.heading);
      expect(await status.innerText()).toMatch(/^This part has been changed on the site since you began your change in this browser/);
      expect(await box.inputValue()).toBe('My change to the old text.');

      await part.selectOption(landed.heading);
      expect(await status.innerText()).toMatch(/^The change you began on this part in this browser is on the site now/);
      expect(await box.inputValue()).toBe(landed.text);
      expect(await page.evaluate((key) => localStorage.getItem(key), `blueprint-commons:change-draft:v1:${slug}:${landed.heading}`)).toBeNull();

      // Starting again from the overtaken part forgets the old change and gives the part as it is now.
      await part.selectOption(overtaken.heading);
      await form.getByRole('button', { name: 'Start again from the part as it is now' }).click();
      expect(await box.inputValue()).toBe(overtaken.text);
      expect(await status.innerText()).toMatch(/parts: choose the one to change/);
    } finally {
      await close();
    }
  }, 60_000);
});

/** An email's text as its reader sees it: quoted-printable undone. */
function emailText(raw: string): string {
  const body = raw.split('\r\n\r\n').slice(1).join('\r\n\r\n').replace(/=\r\n/g, '');
  return Buffer.from(body.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
}

describe('carrying on with a proposal sent, on another computer', () => {
  it('opens what was sent from the link in its email, takes the token out of the address, and sends the change to the same pull request', async () => {
    const address = 'carry.on@nhs.net';
    const first = await openPage(browser);
    try {
      const panel = await checkedDraft(first.page);
      await signIn(panel, address);
      await panel.getByRole('button', { name: 'Send my draft' }).press('Enter');
      await first.page.locator('[data-step="sent"]').getByRole('link', { name: /^pull request #\d+$/ }).waitFor({ timeout: 60_000 });
    } finally {
      await first.close();
    }
    const sent = gateway.store.list().find((s) => s.email === address)!;
    const pulls = harness.fake.pulls(repository).length;
    await until(() => harness.smtp.messages.some((m) => m.to.includes(address) && emailText(m.raw).includes('#carry-on=')), 'the email with the carry-on link');
    const link = emailText(harness.smtp.messages.find((m) => m.to.includes(address) && emailText(m.raw).includes('#carry-on='))!.raw).match(/(http\S+#carry-on=\S+)/)![1];
    expect(link.startsWith(server.url('/contribute/#carry-on='))).toBe(true);

    // Another computer: a browser that has never seen the draft.
    const other = await openPage(browser);
    try {
      const { page } = other;
      await page.goto(link);
      await page.getByText(`We have opened the proposal you sent (reference ${sent.id}).`).waitFor();
      expect(page.url()).not.toContain('carry-on');
      const headline = 'Calls to find a bed fell from about 60 a day to 11 in the first month.';
      await page.getByRole('link', { name: 'Change Headline result', exact: true }).click();
      await page.getByLabel('Headline result', { exact: true }).fill(headline);
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await page.getByRole('button', { name: 'Continue to send' }).click();
      const panel = page.locator('[data-result]');
      // This browser never sent it, so the send step does not say it did "from this browser".
      await panel.locator('[data-status]').getByText('You have already sent this draft: sending it again updates the same proposal while it is still open.', { exact: true }).waitFor();
      await signIn(panel, address);
      await panel.getByRole('button', { name: 'Send my draft' }).press('Enter');
      await until(() => harness.fake.pulls(repository).some((p) => p.body.includes(headline)), 'the pull request to show the changed answer', 60_000);
      expect(harness.fake.pulls(repository)).toHaveLength(pulls);
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
  }, 180_000);

  it('says why when the link does not open a proposal, and leaves the draft on the page alone, in a tab where the form was already open', async () => {
    const { page, close } = await openPage(browser);
    try {
      await page.goto(server.url('/contribute/'));
      await page.getByLabel('Title').fill('A draft already on this computer');
      // Only the fragment changes: the page is not loaded again.
      await page.goto(server.url(`/contribute/#carry-on=nosuchproposal.${'A'.repeat(43)}`));
      const failed = page.locator('[data-carry-on-failed]');
      await failed.getByText('We could not open the proposal you sent').waitFor();
      expect(await failed.innerText()).toContain('This link does not open a proposal: check that you copied the whole link from the email. Your draft on this page is unchanged.');
      expect(page.url()).not.toContain('carry-on');
      expect(await page.getByLabel('Title').inputValue()).toBe('A draft already on this computer');
      const violations = await axeViolations(page);
      expect(violations, formatViolations('/contribute/ with a carry-on link that does not open a proposal', violations)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('privacy, and stopping the emails about what was sent', () => {
  it("links the site's privacy notice and the sign-in step to the gateway's own notice, which says what it keeps from its settings, with no axe violations", async () => {
    const { page, close } = await openPage(browser);
    try {
      await page.goto(server.url(paths.feedback()));
      expect(await page.locator('gateway-send a', { hasText: 'How we use your email address' }).getAttribute('href')).toBe(`${gateway.url}/privacy`);
      await page.goto(server.url(paths.privacy()));
      let violations = await axeViolations(page);
      expect(violations, formatViolations('the privacy notice, with the gateway', violations)).toEqual([]);
      await page.getByRole('link', { name: 'Read what the submission service keeps, and for how long' }).click();
      await page.getByRole('heading', { level: 1, name: 'How we use your email address' }).waitFor();
      expect(page.url()).toBe(`${gateway.url}/privacy`);
      const text = await page.locator('main').innerText();
      // GATEWAY_RETENTION_DAYS, GATEWAY_SESSION_HOURS and GATEWAY_CODE_MINUTES as the harness leaves them: their defaults.
      expect(text).toContain('We delete it from what you sent 90 days after you send');
      expect(text).toContain('ends when you sign out or after 8 hours');
      expect(text).toContain('they work for 15 minutes');
      violations = await axeViolations(page);
      expect(violations, formatViolations("the gateway's privacy notice", violations)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('stops the emails about a proposal from the link in them, with the keyboard, with no axe violations', async () => {
    const sent = gateway.store.list().find((s) => s.state === 'sent' && s.kind === 'blueprint' && s.email);
    expect(sent, 'a proposal sent by a test above').toBeDefined();
    const { page, close } = await openPage(browser);
    try {
      await page.goto(stopEmailsUrl(gateway.url, harness.env.GATEWAY_SECRET, sent!.id));
      await page.getByRole('heading', { level: 1, name: 'Stop emails about your blueprint proposal' }).waitFor();
      let violations = await axeViolations(page);
      expect(violations, formatViolations('the page that stops the emails', violations)).toEqual([]);
      expect(gateway.store.get(sent!.id)!.email).not.toBeNull();
      const button = page.getByRole('button', { name: 'Stop emails and delete my address' });
      for (let i = 0; i < 10 && !(await button.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
      expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(255, 235, 59)');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Emails stopped' }).waitFor();
      expect(gateway.store.get(sent!.id)!.email).toBeNull();
      violations = await axeViolations(page);
      expect(violations, formatViolations('the page saying the emails are stopped', violations)).toEqual([]);
    } finally {
      await close();
    }
  });
});
