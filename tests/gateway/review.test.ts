/**
 * An owner reviewing their blueprint without a GitHub account: the review's answers sent through
 * the gateway become one pull request changing the blueprint's review dates (still right) or its
 * status (needs changes), made to the file as it is on GitHub when sent, so a change merged since
 * the review was checked is kept. Everything runs against the fake GitHub's real git repositories.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../gateway/src/config';
import { startGateway, type Gateway } from '../../gateway/src/server';
import { parseSource } from '../../src/lib/content/front-matter';
import { errorsOf, fileOnGatewayBranch, gatewayPull, repository, startHarness, until, Visitor, type Harness } from './harness';

let h: Harness;
let gateway: Gateway;
let n = 0;

const slug = 'electronic-observations-in-nine-months';
const file = `src/content/blueprints/${slug}.mdx`;
const local = readFileSync(file, 'utf8');
const title = String((parseSource(local).data as { title: string }).title);
/** The file on GitHub has moved on since the gateway read its copy: a paragraph merged meanwhile. */
const merged = `${local.trimEnd()}\n\nA paragraph merged on GitHub after the gateway read the site.\n`;

beforeAll(async () => {
  h = await startHarness({ GATEWAY_REQUESTS_PER_MINUTE: '100000', GATEWAY_CODES_PER_HOUR: '1000', GATEWAY_SUBMISSIONS_PER_HOUR: '1000' });
  h.fake.repo(repository).git.commitFiles('main', { [file]: merged }, 'The blueprint, as GitHub has it');
  gateway = await startGateway(settingsFromEnv(h.env));
});

afterAll(async () => {
  await gateway?.close();
  await h?.close();
});

async function owner(): Promise<{ v: Visitor; email: string }> {
  const email = `owner.${++n}@nhs.net`;
  const v = new Visitor(gateway.url);
  await v.signIn(email, h.smtp);
  return { v, email };
}

const review = (overrides: Record<string, unknown> = {}) => ({ blueprint: slug, verdict: 'still-right', role: 'Chief nursing information officer', confirm: ['owner', 'no-patient-data'], ...overrides });
const send = (v: Visitor, answers: Record<string, unknown>) => v.submit(answers, { kind: 'review' });
const sent = (id: string) => until(() => gateway.store.get(id)?.state === 'sent', `review ${id} to be sent`);
const pullFor = (id: string) => gatewayPull(h, id)!;
const fileOnBranch = (id: string) => fileOnGatewayBranch(h, id, file);
const today = () => new Date().toISOString().slice(0, 10);

describe("an owner's review", () => {
  it('marks the blueprint reviewed today in one pull request, changing its dates in the file as GitHub has it', async () => {
    const { v, email } = await owner();
    const answer = await send(v, review({ blueprint: `https://nhs.example.org/blueprint-commons/blueprints/${slug}/` }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const id = answer.body.id as string;
    await sent(id);

    const pull = pullFor(id);
    expect(pull.title).toBe(`Review: ${title} (reviewed, still right)`);
    expect(pull.labels).toEqual(['owner-review', 'via-gateway']);
    expect(pull.body).toContain(`**Blueprint:** ${title}, at \`/blueprints/${slug}/\` (file \`${file}\`)`);
    expect(pull.body).toContain(`\`lastReviewed\` becomes ${today()}`);
    expect(pull.body).toContain('**Reviewer\'s role:** Chief nursing information officer');
    expect(pull.body).not.toContain(email);

    const after = fileOnBranch(id);
    expect(after).toContain('A paragraph merged on GitHub after the gateway read the site.');
    expect(after).toContain(`lastReviewed: ${today()}\n`);
    expect(after).not.toMatch(/^reviewBy:/m);
    const unchanged = (text: string) => text.split('\n').filter((line) => !/^(lastReviewed|reviewBy):/.test(line));
    expect(unchanged(after)).toEqual(unchanged(merged));

    // Quoted-printable breaks long lines with "=": joined again before looking for the link.
    const mailWithLink = () => h.smtp.messages.find((m) => m.to.includes(email) && m.raw.replace(/=\r?\n/g, '').includes(`/pull/${pull.number}`));
    await until(() => mailWithLink() !== undefined, 'the link to be emailed');
    const mail = mailWithLink()!;
    expect(mail.raw).toContain('Subject: Blueprint Commons: your blueprint review has reached the site team');
    const page = await fetch(`${gateway.url}/submissions/${id}`).then((r) => r.text());
    expect(page).toContain('Review another blueprint');
  });

  it('marks it as needing review, quoting what needs changing inert', async () => {
    const { v } = await owner();
    const answer = await send(v, review({ verdict: 'needs-changes', changes: 'The go-live date moved to 2027.\nAsk @octocat; see https://example.org. Fixes #1.', role: '' }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const id = answer.body.id as string;
    await sent(id);
    const pull = pullFor(id);
    expect(pull.title).toBe(`Review: ${title} (needs changes)`);
    expect(pull.body).toContain('> The go-live date moved to 2027.\n> Ask @\u200docto');
    const quote = pull.body.slice(pull.body.indexOf('### What needs changing'), pull.body.indexOf('### Where this came from'));
    expect(quote).not.toMatch(/@octocat|https:\/\/example|#1\b/);
    expect(pull.body).not.toContain("Reviewer's role");
    const after = fileOnBranch(id);
    expect(after).toMatch(/^status: needs-review$/m);
    expect(after.split('\n').filter((line) => !line.startsWith('status:'))).toEqual(merged.split('\n').filter((line) => !line.startsWith('status:')));
  });

  it('says who paid for the work, as the owner says, in the funding list’s order, changing only that line and the dates', async () => {
    const { v } = await owner();
    const answer = await send(v, review({ funding: ['charity', 'own-revenue'] }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const id = answer.body.id as string;
    await sent(id);
    const pull = pullFor(id);
    expect(pull.body).toContain('The owner says who paid for it: `funding` becomes Own running budget, Charity (`[own-revenue, charity]`)');
    const after = fileOnBranch(id);
    expect(merged).toMatch(/^funding: \[national-programme, own-capital, own-revenue\]$/m);
    expect(after).toMatch(/^funding: \[own-revenue, charity\]$/m);
    const unchanged = (text: string) => text.split('\n').filter((line) => !/^(lastReviewed|reviewBy|funding):/.test(line));
    expect(unchanged(after)).toEqual(unchanged(merged));
  });

  it('says beside each question what is missing or wrong, and stores nothing', async () => {
    const { v } = await owner();
    const before = gateway.store.list().length;
    expect(errorsOf(await send(v, {}))).toEqual({
      blueprint: 'Write the short name of the blueprint, from its page address',
      verdict: 'Say whether it is still right',
      confirm: 'Confirm both statements under “Before you send it”',
    });
    expect(errorsOf(await send(v, review({ blueprint: 'no-such-blueprint' })))).toEqual({
      blueprint: '“no-such-blueprint” is not a blueprint on the site: use the short name from its page address, /blueprints/<short name>/',
    });
    expect(errorsOf(await send(v, review({ verdict: 'needs-changes' })))).toEqual({ changes: 'Say what needs changing' });
    expect(errorsOf(await send(v, review({ funding: ['own-revenue', 'lottery'] })))).toEqual({ funding: 'Choose only the sources listed' });
    expect(Object.keys(errorsOf(await send(v, review({ verdict: 'needs-changes', changes: 'Call me on 07700 900123' }))))).toEqual(['changes']);
    expect(gateway.store.list().length).toBe(before);
  });

  it('fails, saying why, when the blueprint is no longer on GitHub, and opens nothing', async () => {
    const other = "ambulance-electronic-patient-care-records";
    const { v } = await owner();
    const answer = await send(v, review({ blueprint: other }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const id = answer.body.id as string;
    await until(() => gateway.store.get(id)?.state === 'failed', 'the review to fail');
    expect(gateway.store.get(id)!.lastError).toBe(`src/content/blueprints/${other}.mdx is no longer on main: it was moved or removed, so the change to it cannot be made.`);
    expect(pullFor(id)).toBeUndefined();
  });
});
