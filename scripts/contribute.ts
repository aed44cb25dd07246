/**
 * npm run contribute -- <file…> [--repo owner/name] [--dry-run]
 *
 * Sends content files to the site's repository as a pull request:
 *  1. checks the files with the same validator as the build, and stops if anything is wrong;
 *  2. works out the plan: each file's place in the repository, the branch, the title, labels;
 *  3. with --dry-run, prints the plan and sends nothing (no token needed);
 *  4. otherwise forks the repository if you cannot push to it, commits the files to a branch
 *     named after them, and opens a pull request, or updates the one already open.
 *
 * Your files are only read, never changed or moved. Running it again is safe.
 * Needs GITHUB_TOKEN; see CONTRIBUTING.md ("Use the command line").
 */
import { pullRequestBody } from '../src/lib/contribute/pull-request-body';
import { planContribution, type ContributionEntry } from '../src/lib/contribute/plan';
import { ContributionError, fullName, publish } from '../src/lib/contribute/publish';
import type { Organisation } from '../src/lib/schema';
import { formatProblem, validateContent } from '../src/lib/validate';
import { runCommand } from './lib/cli';
import { contentNameProblem, readContentFiles, toProjectPath } from '../src/node/content-files';
import { createClient, defaultRepository, explainError, parseRepository, settingsFromEnv } from './lib/github';
import { nativeMdxParser } from '../src/lib/validate/native-parser';

const root = process.cwd();
const usage = 'Usage: npm run contribute -- <file…> [--repo owner/name] [--dry-run]';

const options = { repo: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } as const;

await runCommand({ usage, options, allowPositionals: true }, async ({ values, positionals }) => {
  // 1. Arguments.
  const args = { values: values as { repo?: string; 'dry-run'?: boolean } };
  const paths = positionals;
  if (paths.length === 0) {
    console.error(`Name the file or files to contribute.\n${usage}`);
    return 1;
  }
  const repoName = args.values.repo ?? defaultRepository(root);
  const upstream = parseRepository(repoName);
  if (!upstream) {
    console.error(`"${repoName}" is not a repository name: write it as owner/name, e.g. --repo blueprint-commons/blueprint-commons`);
    return 1;
  }

  // 2. Validate, with every content file loaded so references resolve. A file named must be an
  //    ordinary file whose name can be its place in the content folder, as the pull request's checks require.
  let listing;
  try {
    listing = readContentFiles(root, paths);
  } catch (error) {
    console.error(`Could not read ${(error as NodeJS.ErrnoException).path ?? 'a file'}: ${(error as Error).message}`);
    return 1;
  }
  const files = listing.files;
  const named = new Set(paths.map((p) => toProjectPath(root, p)));
  const unnamed = [
    ...listing.problems.filter((p) => named.has(p.file)),
    ...[...named].filter((path) => !listing.problems.some((p) => p.file === path)).flatMap((path) => {
      const problem = contentNameProblem(path);
      return problem ? [{ file: path, line: 1, column: 1, field: 'location', message: problem }] : [];
    }),
  ];
  if (unnamed.length > 0) {
    for (const p of unnamed) console.error(formatProblem(p));
    console.error(`\n✗ ${unnamed.length} file${unnamed.length === 1 ? '' : 's'} cannot be sent as named. Nothing was sent to GitHub.`);
    return 1;
  }
  const { corpus, problems } = validateContent(files, { parser: nativeMdxParser, only: named });
  if (problems.length > 0) {
    for (const p of problems) console.error(formatProblem(p));
    console.error(`\n✗ ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix first. Nothing was sent to GitHub.`);
    return 1;
  }
  const entries: ContributionEntry[] = corpus.entries
    .filter((e) => named.has(e.file.path))
    .map((e) => ({ kind: e.kind, slug: e.slug, sourcePath: e.file.path, data: e.data }));
  const organisations = new Map(corpus.entries.filter((e) => e.kind === 'organisation' && e.data).map((e) => [e.slug, (e.data as Organisation).name]));

  // 3. The plan.
  if (entries.length === 0) {
    console.error('None of the files named is content the site reads: name blueprint, playbook, organisation, adoption or template files.');
    return 1;
  }
  const plan = planContribution(entries);
  const body = pullRequestBody(entries, { organisationName: (slug) => organisations.get(slug), labels: plan.labels });

  if (args.values['dry-run']) {
    console.log(
      [
        'Dry run: nothing is sent to GitHub.',
        '',
        `Repository:   ${fullName(upstream)}`,
        `Fork:         used if your token cannot push to ${fullName(upstream)} (checked when sending)`,
        `Branch:       ${plan.branch}`,
        'Files:',
        ...plan.files.map((f) => `  ${f.from}  →  ${f.to}`),
        `Title:        ${plan.title}`,
        `Labels:       ${plan.labels.join(', ')}`,
        'Body:',
        body.replace(/^/gm, '  '),
      ].join('\n'),
    );
    return 0;
  }

  // 4. Send.
  const settings = settingsFromEnv();
  if (!settings.token) {
    console.error('Set GITHUB_TOKEN to a GitHub token first (see CONTRIBUTING.md, "Use the command line"), or add --dry-run to see the plan.');
    return 1;
  }
  const { api, runtime } = await createClient(settings, (line) => console.error(line));
  try {
    const result = await publish(api, runtime, {
      upstream,
      // The text that was checked, not the file read again: what is committed is what passed.
      files: plan.files.map((f) => ({ path: f.to, content: Buffer.from(files.find((c) => c.path === f.from)!.source, 'utf8') })),
      branch: plan.branch,
      title: plan.title,
      body,
      labels: plan.labels,
      commitMessage: plan.commitMessage,
      as: 'contributor',
    });
    const where = result.forked ? `your fork ${fullName(result.head)}` : fullName(result.head);
    console.log(result.commit.changed ? `Committed ${plan.files.length} file${plan.files.length === 1 ? '' : 's'} to ${plan.branch} in ${where}.` : `${plan.branch} in ${where} already holds these files.`);
    console.log(`${result.pull.created ? 'Opened' : 'Updated'} pull request #${result.pull.number}: ${result.pull.url}`);
    return 0;
  } catch (error) {
    console.error(error instanceof ContributionError ? error.message : explainError(error, settings));
    console.error('Your files were not changed.');
    return 1;
  }
});
