/**
 * The content model, checked with fixtures: each file in tests/fixtures/invalid/ breaks exactly
 * one rule, and must get exactly one problem naming the field, the line and what to do. Each is
 * validated alongside the valid fixtures, so references resolve as they would in the real site.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/node/content-files';
import { adoptionSchema, blueprintSchema, glossarySchema, organisationSchema, playbookSchema, templateSchema } from '../../src/lib/schema';
import { validateContent, type ContentFile } from '../../src/lib/validate';
import { readCorpus } from '../../src/lib/validate/corpus';
import { maxFileBytes } from '../../src/lib/validate/rules/file-size';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';

function filesIn(dir: string): ContentFile[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(mdx|md|ya?ml)$/.test(name))
    .sort()
    .map((name) => ({ path: `${dir}/${name}`, source: readFileSync(`${dir}/${name}`, 'utf8') }));
}

const valid = filesIn('tests/fixtures/valid');
const invalidDir = 'tests/fixtures/invalid';

/** Problems for one file, checked together with the valid fixtures. */
function problemsFor(file: ContentFile) {
  return validateContent([...valid, file], { parser: nativeMdxParser, only: new Set([file.path]) }).problems;
}

const expected: Record<string, { field: string; says: RegExp; line: number }> = {
  'wrong-enum-value.mdx': { field: 'domain', says: /"finance" is not one of strategy, workforce/, line: 2 },
  'missing-required-field.mdx': { field: 'summary', says: /is required: write a summary/, line: 2 },
  'bad-date.mdx': { field: 'published', says: /"2024-02-30" is not a date: write .* as YYYY-MM-DD/, line: 18 },
  'date-in-wrong-format.mdx': { field: 'published', says: /"15\/01\/2024" is not a date/, line: 18 },
  'too-many-key-questions.mdx': { field: 'keyQuestions', says: /more than 5 questions/, line: 5 },
  'question-without-question-mark.mdx': { field: 'keyQuestions.0', says: /end it with a question mark/, line: 6 },
  'title-an-initiative.mdx': { field: 'title', says: /starts with "An initiative": say what was done instead/, line: 3 },
  'title-full-stop.mdx': { field: 'title', says: /ends with a full stop/, line: 3 },
  'unknown-field-typo.mdx': { field: 'lastReveiwed', says: /is not a field we know: check its spelling/, line: 19 },
  'unresolved-organisation.mdx': { field: 'organisation', says: /"no-such-trust" is not a known organisation/, line: 7 },
  'unresolved-related-blueprint.mdx': { field: 'related.0', says: /"no-such-blueprint" is not a known blueprint/, line: 23 },
  'duplicate-slug/fixture-valid-blueprint.mdx': { field: 'slug', says: /"fixture-valid-blueprint" is already used by tests\/fixtures\/valid\/blueprints\/fixture-valid-blueprint\.mdx/, line: 1 },
  'yaml-syntax-error.mdx': { field: 'front-matter', says: /has a YAML syntax error: Missing closing "quote/, line: 22 },
  'no-front-matter.mdx': { field: 'front-matter', says: /has no front-matter/, line: 1 },
  'markdown-not-mdx.md': { field: 'location', says: /is not a kind of content we know/, line: 1 },
  'last-reviewed-before-published.mdx': { field: 'lastReviewed', says: /is before the published date/, line: 19 },
  'review-by-not-after-last-review.mdx': { field: 'reviewBy', says: /is not after lastReviewed/, line: 19 },
  'timeline-ends-before-it-starts.mdx': { field: 'timeline', says: /ends before it starts/, line: 16 },
  'contact-not-email-or-web.mdx': { field: 'contact', says: /should be one email address/, line: 21 },
  'repeated-list-value.mdx': { field: 'pillars', says: /lists a value twice/, line: 8 },
  'list-written-as-text.mdx': { field: 'careSettings', says: /should be a list, e.g. \[acute\]; got "acute"/, line: 9 },
  'partner-is-publisher.mdx': { field: 'partners', says: /lists the publishing organisation/, line: 8 },
  'emram-stage-out-of-range.mdx': { field: 'startingPoint.emramStage', says: /whole number from 0 to 7/, line: 19 },
  'measure-negative.mdx': { field: 'outcome.measures.0.result', says: /is negative: give the level after the work as a level of 0 or more, not a change/, line: 19 },
  'measure-unknown-unit.mdx': { field: 'outcome.measures.0.unit', says: /"meetings" is not one of percent, count, seconds, minutes/, line: 19 },
  'measure-metric-too-long.mdx': { field: 'outcome.measures.0.metric', says: /is too long: keep what was measured to 100 characters or fewer/, line: 17 },
  'measure-percent-over-100.mdx': { field: 'outcome.measures.0.result', says: /is 120, over 100: a percentage is a share from 0 to 100/, line: 19 },
  'redprint-without-what-went-wrong.mdx': { field: 'redprint-section', says: /has no "## What went wrong and what we would do differently" section/, line: 25 },
  'redprint-with-empty-what-went-wrong.mdx': { field: 'what-went-wrong', says: /section has 2 words, and needs at least 120: .*; it also says nothing another organisation could avoid/, line: 30 },
  'what-went-wrong-too-short.mdx': { field: 'what-went-wrong', says: /"What went wrong and what we would do differently" section has 3\d words, and needs at least 120: say what did not work, what it cost you/, line: 30 },
  'what-went-wrong-with-nothing-to-avoid.mdx': { field: 'what-went-wrong', says: /^the "What did not go to plan" section says nothing another organisation could avoid: add at least one sentence saying what you would do instead/, line: 30 },
  'nhs-number-in-body.mdx': { field: 'patient-identifiers', says: /^holds a number starting 943 that looks like an NHS number \(its check digit is valid\).*take it out\. For an example, use a number from the test range, 999 000 0000 to 999 999 9999$/, line: 29 },
  'nhs-number-escaped-in-front-matter.mdx': { field: 'summary', says: /^holds a number starting 943 that looks like an NHS number/, line: 4 },
  'placeholder-left-in.mdx': { field: 'summary', says: /still holds the "Replace this" text/, line: 4 },
  'level-one-heading-in-body.mdx': { field: 'headings', says: /^has a level 1 heading \("# …"\): the page title is the only level 1 heading on a page/, line: 29 },
  'illustrative-blueprint-of-real-organisation.mdx': { field: 'organisation', says: /"fixture-named-trust" is a real organisation, but this blueprint is illustrative/, line: 7 },
  'real-blueprint-of-made-up-organisation.mdx': { field: 'illustrative', says: /"fixture-hospitals" is a made-up organisation: set illustrative: true/, line: 7 },
  'illustrative-claims-independent-evaluation.mdx': { field: 'outcome.evidence', says: /is "independently-evaluated", but this blueprint is an illustrative example about a made-up organisation.*: use measured-locally or anecdotal/, line: 25 },
  'organisation-supplier-disagrees.mdx': { field: 'eprSupplier', says: /is "epic", but tests\/fixtures\/valid\/blueprints\/fixture-valid-blueprint\.mdx give "other"/, line: 11 },
  'organisation-emram-stage-falls.mdx': { field: 'startingPoint.emramStage', says: /is 1 for work starting 2023-01, but .*fixture-valid-blueprint\.mdx gives stage 3/, line: 13 },
  'organisation-epr-no-longer-in-place.mdx': { field: 'startingPoint.eprInPlace', says: /already had an EPR in place at 2022-01/, line: 13 },
  'organisation-programme-contradicted.mdx': { field: 'organisation-programme', says: /says "Fixture Hospitals, one of the first acute Global Digital Exemplars", but the site lists Fixture Hospitals NHS Foundation Trust as a Fast Follower: correct the text\. If the site is wrong, its organisation file \(src\/content\/organisations\/fixture-hospitals\.yaml\)/, line: 30 },
  'organisations/description-contradicts-programme.yaml': { field: 'description', says: /says "funded as a Digital Aspirant", but programme is none/i, line: 6 },
  'organisations/bad-ods-code.yaml': { field: 'odsCode', says: /is not an ODS code/, line: 2 },
  'organisations/illustrative-with-real-looking-ods-code.yaml': { field: 'odsCode', says: /"RXX" could be a real organisation's code/, line: 2 },
  'organisations/unknown-partner.yaml': { field: 'partners.0', says: /"no-such-trust" is not a known organisation/, line: 6 },
  'source-not-https.mdx': { field: 'sources.0.url', says: /"http:\/\/example\.org\/board-paper" starts with http:\/\/, and only https:\/\/ addresses are accepted/, line: 25 },
  'source-with-password.mdx': { field: 'sources.0.url', says: /has a user name or password before the @: remove it/, line: 25 },
  'organisations/website-not-https.yaml': { field: 'website', says: /starts with http:\/\/, and only https:\/\/ addresses are accepted/, line: 7 },
  'playbooks/source-not-https.mdx': { field: 'sources.0.url', says: /starts with http:\/\/, and only https:\/\/ addresses are accepted/, line: 31 },
  'artefact-unknown-template.mdx': { field: 'artefacts.0', says: /"board-paper-template" is not a template on this site: use the file name \(without \.yaml\) of one in src\/content\/templates\/ \(the templates are fixture-register\), or add the template there/, line: 23 },
  'artefact-macro-file.mdx': { field: 'artefacts.0', says: /"board-paper\.docm" is a file of a type that can carry macros or scripts, which the site never publishes: list a template .* by its slug, e\.g\. board-paper/, line: 23 },
  'artefact-file-not-template.mdx': { field: 'artefacts.0', says: /"board-paper\.docx" is a file name: list a template by its slug instead, e\.g\. board-paper\. Its Word and CSV files are generated from src\/content\/templates\/board-paper\.yaml/, line: 23 },
  'templates/example-names-unknown-column.yaml': { field: 'examples.0', says: /names "Onwer", which is not a column and has no "Owner": give each column a value, under its heading written exactly as in columns \(Benefit, Owner\)/, line: 12 },
  'organisations/wrong-region.yaml': { field: 'region', says: /"wessex" is not one of north-east-yorkshire/, line: 4 },
  'playbooks/too-few-steps.mdx': { field: 'steps', says: /needs at least 3 steps/, line: 7 },
  'playbooks/unresolved-step-blueprint.mdx': { field: 'steps.0.blueprints.0', says: /"no-such-blueprint" is not a known blueprint/, line: 10 },
  'adapted-from-unknown-blueprint.mdx': { field: 'adaptedFrom.0.blueprint', says: /"no-such-blueprint" is not a known blueprint: use the file name/, line: 39 },
  'adapted-from-itself.mdx': { field: 'adaptedFrom.0.blueprint', says: /points to this blueprint itself/, line: 39 },
  'adoptions/unknown-organisation.yaml': { field: 'organisation', says: /"no-such-trust" is not a known organisation: use the file name .* in src\/content\/organisations\//, line: 1 },
  'adoptions/unknown-blueprint.yaml': { field: 'blueprint', says: /"no-such-blueprint" is not a known blueprint: use the file name .* in src\/content\/blueprints\//, line: 2 },
  'adoptions/named-after-another-blueprint.yaml': { field: 'organisation', says: /does not match the file name: .* rename this file fixture-community--fixture-valid-blueprint\.yaml/, line: 1 },
  'adoption-contact-without-opt-in/adoptions/fixture-named-trust--fixture-valid-blueprint.yaml': { field: 'contact', says: /is given without contactOptIn: true/, line: 6 },
  'adoption-personal-email/adoptions/fixture-named-trust--fixture-valid-blueprint.yaml': { field: 'contact', says: /is not at an organisation's domain: use a team address ending @…nhs\.net/, line: 6 },
  'adoption-opt-in-without-contact/adoptions/fixture-named-trust--fixture-valid-blueprint.yaml': { field: 'contact', says: /is missing, but contactOptIn is true/, line: 1 },
  'adoption-by-publisher/adoptions/fixture-hospitals--fixture-valid-blueprint.yaml': { field: 'organisation', says: /publishes "fixture-valid-blueprint" itself/, line: 1 },
  'guide-unknown-playbook/where-to-start.yaml': { field: 'priorities.1.playbook', says: /"no-such-playbook" is not a known playbook: use the file name .* in src\/content\/playbooks\//, line: 26 },
  'guide-unknown-question/where-to-start.yaml': { field: 'priorities.2.when.0.question', says: /"ccio-hours" is not a question in this file: use the id of one under questions/, line: 37 },
  'guide-unknown-blueprint/where-to-start.yaml': { field: 'priorities.2.match.blueprints.0', says: /"no-such-blueprint" is not a known blueprint/, line: 36 },
};

describe('invalid content', () => {
  it('has an expectation for every invalid fixture, and a fixture for every expectation', () => {
    const names = filesIn(invalidDir).map((f) => f.path.slice(invalidDir.length + 1));
    expect(names.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [name, { field, says, line }] of Object.entries(expected)) {
    it(`${name.replace(/\.(mdx|md|yaml)$/, '').replace(/[-/]/g, ' ')}: one problem, in ${field} at line ${line}`, () => {
      const path = `${invalidDir}/${name}`;
      const problems = problemsFor({ path, source: readFileSync(path, 'utf8') });
      expect(problems, JSON.stringify(problems, null, 2)).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: path, field, line });
      expect(problems[0].message).toMatch(says);
    });
  }

  it('rejects a file over the size limit, saying how to shorten it', () => {
    // Generated rather than committed: a 100 KiB fixture would be noise in every diff and clone.
    const source = readFileSync('tests/fixtures/valid/blueprints/fixture-valid-blueprint.mdx', 'utf8');
    const padding = '\nA long paragraph pasted in from a report, repeated to pass the limit.\n'.repeat(Math.ceil(maxFileBytes / 60));
    const path = 'tests/fixtures/generated/oversized.mdx';
    const problems = problemsFor({ path, source: source + padding });
    expect(problems).toMatchObject([{ file: path, field: 'file-size', line: 1, message: expect.stringMatching(/over the 100 KiB limit: link to long documents/) }]);
  });
});

describe('valid content', () => {
  it('the valid fixtures have no problems at all', () => {
    expect(validateContent(valid, { parser: nativeMdxParser }).problems).toEqual([]);
  });

  it('the schemas accept every bundled entry', () => {
    const corpus = readCorpus(readContentFiles(process.cwd()).files, nativeMdxParser);
    const schemas = { blueprint: blueprintSchema, playbook: playbookSchema, organisation: organisationSchema, adoption: adoptionSchema, glossary: glossarySchema, template: templateSchema };
    const checked = corpus.entries.filter((e) => e.kind in schemas);
    expect(checked.length).toBeGreaterThan(0);
    for (const entry of checked) {
      const result = schemas[entry.kind as keyof typeof schemas].safeParse(entry.parsed.data);
      expect(result.success ? [] : result.error.issues, entry.file.path).toEqual([]);
    }
  });

  it('every bundled content file passes every rule', () => {
    expect(validateContent(readContentFiles(process.cwd()).files, { parser: nativeMdxParser }).problems).toEqual([]);
  });
});
