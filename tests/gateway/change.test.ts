/**
 * Suggesting a change to one part of a blueprint, playbook or template without a GitHub account: the gateway
 * lists the page's parts for the form, checks the changed file as the build would, and opens one pull
 * request changing that part of the file as it is on GitHub, so a change merged elsewhere in the
 * file since is kept, and a change to the same part since is never overwritten. Everything runs
 * against the fake GitHub's real git repositories.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../gateway/src/config';
import { startGateway, type Gateway } from '../../gateway/src/server';
import { parseSource, parseYaml } from '../../src/lib/content/front-matter';
import { changeablePartsOf, sectionsOf } from '../../src/lib/contribute/section-change';
import { errorsOf, fileOnGatewayBranch, gatewayPull, repository, startHarness, until, Visitor, type Harness } from './harness';

let h: Harness;
let gateway: Gateway;
let n = 0;

const slug = 'electronic-observations-in-nine-months';
const file = `src/content/blueprints/${slug}.mdx`;
const local = readFileSync(file, 'utf8');
const title = String((parseSource(local).data as { title: string }).title);
const part = sectionsOf(local).find((p) => p.heading === 'A rollout team of six')!;
/** The file on GitHub has moved on since the gateway read its copy: a paragraph merged at its end. */
const merged = `${local.trimEnd()}\n\nA paragraph merged on GitHub after the gateway read the site.\n`;
const playbook = 'configure-your-clinical-informatics-team';
const playbookFile = `src/content/playbooks/${playbook}.mdx`;
const playbookSource = readFileSync(playbookFile, 'utf8');
const template = 'business-case-outline';
const templateFile = `src/content/templates/${template}.yaml`;
const templateSource = readFileSync(templateFile, 'utf8');

beforeAll(async () => {
  h = await startHarness({ GATEWAY_REQUESTS_PER_MINUTE: '100000', GATEWAY_CODES_PER_HOUR: '1000', GATEWAY_SUBMISSIONS_PER_HOUR: '1000' });
  h.fake.repo(repository).git.commitFiles('main', { [file]: merged, [playbookFile]: playbookSource, [templateFile]: templateSource }, 'The blueprint, a playbook and a template, as GitHub has them');
  gateway = await startGateway(settingsFromEnv(h.env));
});

afterAll(async () => {
  await gateway?.close();
  await h?.close();
});

async function contributor(): Promise<{ v: Visitor; email: string }> {
  const email = `nurse.${++n}@nhs.net`;
  const v = new Visitor(gateway.url);
  await v.signIn(email, h.smtp);
  return { v, email };
}

const newText = part.text.replace('The rollout team was 6 WTE', 'The rollout team was 6.5 WTE');
const change = (overrides: Record<string, unknown> = {}) => ({
  page: slug, section: part.heading, original: part.text.replace(/\n/g, '\r\n'), text: newText, why: 'The 2021 staffing report says 6.5.', role: 'Ward sister', confirm: ['accurate', 'no-patient-data'], ...overrides,
});
const send = (v: Visitor, answers: Record<string, unknown>) => v.submit(answers, { kind: 'change' });
const pullFor = (id: string) => gatewayPull(h, id);
const fileOnBranch = (id: string) => fileOnGatewayBranch(h, id, file);

describe('a suggested change to a blueprint', () => {
  it('lists the blueprint’s parts with their text for the form, and no blueprint it does not have', async () => {
    const parts = await fetch(`${gateway.url}/api/blueprints/${slug}/parts`);
    expect(parts.status).toBe(200);
    expect(await parts.json()).toEqual({ title, sections: sectionsOf(local) });
    for (const bad of ['no-such-blueprint', '..%2F..%2Fetc', 'UPPER', '-', 'a'.repeat(100)]) {
      const answer = await fetch(`${gateway.url}/api/blueprints/${bad}/parts`);
      expect(answer.status, bad).toBe(404);
      expect((await answer.json()).errors[0].id).toBe('page');
    }
    // A playbook's parts come from the playbooks, and a blueprint is not one.
    expect(await (await fetch(`${gateway.url}/api/playbooks/${playbook}/parts`)).json()).toEqual({ title: (parseSource(playbookSource).data as { title: string }).title, sections: changeablePartsOf(playbookSource, 'playbook') });
    expect((await fetch(`${gateway.url}/api/playbooks/${slug}/parts`)).status).toBe(404);
    // Longer than any short name: refused before the route, as every over-long address is.
    expect((await fetch(`${gateway.url}/api/blueprints/${'a'.repeat(101)}/parts`)).status).toBe(414);
  });

  it('becomes one pull request changing only that part, in the file as GitHub has it', async () => {
    const { v, email } = await contributor();
    const answer = await send(v, change({ page: `https://nhs.example.org/blueprints/${slug}/` }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const id = answer.body.id as string;
    await until(() => gateway.store.get(id)?.state === 'sent', `change ${id} to be sent`);

    const pull = pullFor(id)!;
    expect(pull.title).toBe(`Change: ${title} (A rollout team of six)`);
    expect(pull.labels).toEqual(['suggested-change', 'via-gateway']);
    expect(pull.body).toContain(`**Blueprint:** ${title}, at \`/blueprints/${slug}/\` (file \`${file}\`)`);
    expect(pull.body).toContain('**Part changed:** A rollout team of six.');
    expect(pull.body).toContain('> The 2021 staffing report says 6.5.');
    expect(pull.body).toContain("**Contributor's role:** Ward sister");
    expect(pull.body).not.toContain(email);
    expect(fileOnBranch(id)).toBe(merged.replace('The rollout team was 6 WTE', 'The rollout team was 6.5 WTE'));

    const mailWithLink = () => h.smtp.messages.find((m) => m.to.includes(email) && m.raw.replace(/=\r?\n/g, '').includes(`/pull/${pull.number}`));
    await until(() => mailWithLink() !== undefined, 'the link to be emailed');
    expect(mailWithLink()!.raw).toContain('Subject: Blueprint Commons: your suggested change has reached the site team');
  });

  it('sent again for the same part from another computer updates the open pull request; one to another part has its own', async () => {
    const { v, email } = await contributor();
    const first = await send(v, change());
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    const id = first.body.id as string;
    await until(() => gateway.store.get(id)?.state === 'sent', `change ${id} to be sent`);
    // The gateway has looked at GitHub since, and the pull request is open.
    await gateway.worker.followUp(Date.now() + 11 * 60_000);
    // Another computer: a new session and a new form key, the same address.
    const elsewhere = new Visitor(gateway.url);
    await elsewhere.signIn(email, h.smtp);
    const again = await send(elsewhere, change({ text: part.text.replace('The rollout team was 6 WTE', 'The rollout team was 7 WTE') }));
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.id).toBe(id);
    await until(() => gateway.store.get(id)?.state === 'sent' && gateway.store.get(id)!.sentVersion === 2, `change ${id} to be sent again`);
    expect(fileOnBranch(id)).toContain('The rollout team was 7 WTE');
    expect(h.fake.pulls(repository).filter((p) => p.pull!.headRef === `gateway/${id}`)).toHaveLength(1);

    const other = sectionsOf(local).find((p) => p.heading !== part.heading && p.text.length > 40)!;
    const another = await send(elsewhere, change({ section: other.heading, original: other.text, text: `${other.text}\n\nOne more sentence.` }));
    expect(another.status, JSON.stringify(another.body)).toBe(202);
    expect(another.body.id).not.toBe(id);
  });

  it('says beside each question what is missing or wrong, and stores nothing', async () => {
    const { v } = await contributor();
    const before = gateway.store.list().length;
    expect(errorsOf(await send(v, {}))).toEqual({
      page: 'Write the address of the blueprint, playbook or template to change',
      section: 'Choose the part of the page to change',
      text: 'Write the part as it should read',
      why: 'Say why it should change',
      confirm: 'Confirm both statements under “Before you send it”',
    });
    expect(errorsOf(await send(v, change({ page: 'no-such-blueprint' })))).toEqual({
      page: 'We could not find a blueprint, playbook or template from “no-such-blueprint”: copy the page’s address from your browser, such as /blueprints/<short name>/',
    });
    // A playbook is found only among the playbooks, and a template only among the templates.
    expect(errorsOf(await send(v, change({ page: '/templates/no-such-template/' })))).toEqual({ page: expect.stringMatching(/^We could not find a blueprint, playbook or template from “\/templates\/no-such-template\/”/) });
    expect(errorsOf(await send(v, change({ page: `/playbooks/${slug}/` })))).toEqual({ page: expect.stringMatching(/^We could not find a blueprint, playbook or template from/) });
    expect(errorsOf(await send(v, change({ page: `/templates/${playbook}/` })))).toEqual({ page: expect.stringMatching(/^We could not find a blueprint, playbook or template from/) });
    expect(errorsOf(await send(v, change({ section: 'Our budget' })))).toEqual({ section: 'The blueprint has no part headed “Our budget”: choose one of the parts listed' });
    expect(errorsOf(await send(v, change({ original: 'The rollout team was 5 WTE.' })))).toEqual({
      text: 'The part “A rollout team of six” has changed on the site since you started: choose “Start again from the part as it is now” and make your change again',
    });
    expect(errorsOf(await send(v, change({ text: `${part.text}\n` })))).toEqual({ text: 'New text is the same as the part is now: change what needs changing' });
    expect(errorsOf(await send(v, change({ text: `${newText}\n\nCall Sam on 07700 900123.` })))).toEqual({ text: expect.stringMatching(/^New text seems to hold a phone number that the part did not have/) });
    expect(errorsOf(await send(v, change({ text: `${newText}\n\n## Another part` })))).toEqual({ text: expect.stringContaining('heading on line 3') });
    // The MDX safety gate, as the build runs it: no script may come in through a change.
    expect(errorsOf(await send(v, change({ text: `${newText}\n\n<script>alert(1)</script>` })))).toEqual({ text: expect.stringMatching(/^With this change the blueprint would not pass the site's checks: /) });
    expect(errorsOf(await send(v, change({ text: `${newText} {process.exit(1)}` })))).toEqual({ text: expect.stringMatching(/^With this change the blueprint would not pass the site's checks: /) });
    expect(gateway.store.list().length).toBe(before);
  });

  it('to a playbook becomes a pull request changing that part of the playbook, and asks its owner to agree it', async () => {
    const { v } = await contributor();
    const first = sectionsOf(playbookSource)[0];
    const answer = await send(v, change({ page: `/playbooks/${playbook}/`, section: first.heading, original: first.text, text: `${first.text} Start with what clinicians need.` }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const id = answer.body.id as string;
    await until(() => gateway.store.get(id)?.state === 'sent', `change ${id} to be sent`);
    const pull = pullFor(id)!;
    const playbookTitle = String((parseSource(playbookSource).data as { title: string }).title);
    expect(pull.title).toBe(`Change: ${playbookTitle} (${first.heading})`);
    expect(pull.body).toContain(`**Playbook:** ${playbookTitle}, at \`/playbooks/${playbook}/\` (file \`${playbookFile}\`)`);
    expect(pull.body).toContain("ask its owner to agree the change before merging");
    expect(fileOnGatewayBranch(h, id, playbookFile)).toBe(playbookSource.replace(first.text, `${first.text} Start with what clinicians need.`));
    // The MDX safety gate checks a playbook's part as the build would, and the message names the playbook.
    expect(errorsOf(await send(v, change({ page: `/playbooks/${playbook}/`, section: first.heading, original: first.text, text: `${first.text}\n\n<script>alert(1)</script>` })))).toEqual({ text: expect.stringMatching(/^With this change the playbook would not pass the site's checks: /) });
  });

  it('to a playbook step changes that step’s description in the front-matter and nothing else', async () => {
    const { v } = await contributor();
    const step = changeablePartsOf(playbookSource, 'playbook').find((p) => p.heading.startsWith('Step: '))!;
    const text = `${step.text} Agree it with the medical director: “protected” means “in the job plan”.`;
    expect(errorsOf(await send(v, change({ page: `/playbooks/${playbook}/`, section: step.heading, original: step.text, text: 'Too short.' })))).toEqual({ text: expect.stringMatching(/^With this change the playbook would not pass the site's checks: .*at least 20 characters/) });
    expect(errorsOf(await send(v, change({ page: `/playbooks/${playbook}/`, section: step.heading, original: step.text, text: `${step.text}\n\nA second paragraph.` })))).toEqual({ text: 'New text has line breaks, and this part is one paragraph: take them out' });
    const answer = await send(v, change({ page: `/playbooks/${playbook}/`, section: step.heading, original: step.text, text }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const id = answer.body.id as string;
    await until(() => gateway.store.get(id)?.state === 'sent', `change ${id} to be sent`);
    const onBranch = fileOnGatewayBranch(h, id, playbookFile)!;
    const steps = (parseSource(onBranch).data as { steps: { title: string; description: string }[] }).steps;
    expect(steps.find((s) => `Step: ${s.title}` === step.heading)!.description).toBe(text);
    expect(onBranch.replace(JSON.stringify(text), 'X')).toBe(playbookSource.replace(step.text, 'X'));
  });

  it('to a template section’s guidance writes its paragraphs where the list stood, and asks for a check against its sources', async () => {
    const parts = await (await fetch(`${gateway.url}/api/templates/${template}/parts`)).json();
    expect(parts).toEqual({ title: (parseYaml(templateSource).data as { title: string }).title, sections: changeablePartsOf(templateSource, 'template') });
    const section = changeablePartsOf(templateSource, 'template').find((p) => p.heading.startsWith('Section: '))!;
    const added = 'Say which options the board has already ruled out, and why, so nobody reopens them.';
    const { v } = await contributor();
    const to = (text: string) => change({ page: `/templates/${template}/`, section: section.heading, original: section.text, text });
    expect(errorsOf(await send(v, to(`${section.text}\n\nToo short.`)))).toEqual({ text: expect.stringMatching(/^With this change the template would not pass the site's checks: .*at least 20 characters/) });
    expect(errorsOf(await send(v, to(`${section.text}\nNo blank line.`)))).toEqual({ text: 'New text has a line break inside a paragraph: leave a blank line between paragraphs and none inside one' });
    const answer = await send(v, to(`${section.text}\n\n${added}`));
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    const id = answer.body.id as string;
    await until(() => gateway.store.get(id)?.state === 'sent', `change ${id} to be sent`);
    const pull = pullFor(id)!;
    expect(pull.body).toContain(`**Template:** ${parts.title}, at \`/templates/${template}/\` (file \`${templateFile}\`)`);
    expect(pull.body).toContain('check the change against the template’s sources');
    const onBranch = fileOnGatewayBranch(h, id, templateFile)!;
    const expected = structuredClone(parseYaml(templateSource).data) as { sections: { heading: string; guidance: string[] }[] };
    const changed = expected.sections.find((s) => `Section: ${s.heading}` === section.heading)!;
    changed.guidance.push(added);
    expect(parseYaml(onBranch).data).toEqual(expected);
    // Only the list's lines differ.
    const differing = onBranch.split('\n').filter((line) => !templateSource.split('\n').includes(line));
    expect(differing.every((line) => /^\s+- "/.test(line)), differing.join('\n')).toBe(true);
  });

  it('fails, saying why, when the part was changed on GitHub after the contributor started, and opens nothing', async () => {
    const other = 'Costs and funding';
    const was = sectionsOf(local).find((p) => p.heading === other)!;
    const git = h.fake.repo(repository).git;
    h.fake.repo(repository).git.commitFiles('main', { [file]: merged.replace(was.text, `${was.text}\n\nA sentence a maintainer merged.`) }, 'Another change to the costs');
    try {
      const { v } = await contributor();
      const answer = await send(v, change({ section: other, original: was.text, text: `${was.text} Figures at 2021 prices.` }));
      expect(answer.status, JSON.stringify(answer.body)).toBe(202);
      const id = answer.body.id as string;
      await until(() => gateway.store.get(id)?.state === 'failed', 'the change to fail');
      expect(gateway.store.get(id)!.lastError).toBe(`The blueprint has had its part “${other}” changed since you started: open the page again and make your change to the new text.`);
      expect(pullFor(id)).toBeUndefined();
    } finally {
      git.commitFiles('main', { [file]: merged }, 'Back as it was');
    }
  });
});
