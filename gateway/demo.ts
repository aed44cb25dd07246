/**
 * npm run gateway:demo
 *
 * The whole gateway on this machine, with nothing to set up: a local fake GitHub (the tests'
 * one, with real Git repositories) with the gateway's GitHub App installed, a fresh SQLite file
 * in a temporary folder, and emails printed here instead of sent. It then builds the site with
 * the gateway offered on its drafting form and serves it, so the whole journey works in a browser
 * at http://127.0.0.1:4321/contribute/. Everything listens on 127.0.0.1 only. Ctrl+C stops it and
 * lists the pull requests and issues (feedback) it opened. The fake repository starts with the
 * site's content, so "Review this blueprint" works on any blueprint.
 *
 * GATEWAY_PORT (default 8787) and DEMO_SITE_PORT (default 4321) may be set; `--no-site` skips
 * building the site (the curl journey printed still works).
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { startFakeGitHub } from '../tests/support/fake-github';
import { readContentFiles } from '../src/node/content-files';
import { startStaticServer, type StaticServer } from '../tests/support/static-server';
import { settingsFromEnv, SettingsError } from './src/config';
import { startGateway } from './src/server';

const repository = 'blueprint-commons/blueprint-commons';
const withSite = !process.argv.includes('--no-site');
const sitePort = Number(process.env.DEMO_SITE_PORT ?? 4321);
const dir = mkdtempSync(join(tmpdir(), 'gateway-demo-'));
const fake = await startFakeGitHub();
// The site's content as the repository's main branch, so a review changes a blueprint as GitHub has it.
const content = Object.fromEntries(readContentFiles(process.cwd()).files.map((f) => [f.path, f.source]));
fake.createRepo(repository, { files: { 'README.md': '# Blueprint Commons (demo copy)\n', ...content } });
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
// A maintainer, to reply on a pull request as the site team would on GitHub.
fake.addUser('site-team-member', 'demo-maintainer');
fake.repo(repository).collaborators.add('site-team-member');
fake.addApp({ id: 1, slug: 'blueprint-commons-gateway', publicKey, installationId: 1, repos: [repository], permissions: { contents: 'write', pull_requests: 'write', issues: 'write', metadata: 'read' } });

let settings;
try {
  settings = settingsFromEnv({
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: process.env.GATEWAY_PORT ?? '8787',
    GATEWAY_SITE_ORIGIN: `http://127.0.0.1:${sitePort}`,
    GATEWAY_DATABASE: join(dir, 'gateway.sqlite'),
    GATEWAY_SECRET: `demo-only-${Math.random().toString(36).slice(2)}-not-for-real-use`,
    GATEWAY_MAIL: 'terminal',
    MAIL_REPLY_TO: 'site-team@example.nhs.uk',
    GITHUB_API_URL: fake.url,
    GITHUB_REPOSITORY: repository,
    GITHUB_APP_ID: '1',
    GITHUB_APP_INSTALLATION_ID: '1',
    GITHUB_APP_PRIVATE_KEY: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    GATEWAY_RETRY_BASE_MS: '50',
    GATEWAY_POLL_MS: '500',
    // A minute between looks at each pull request, not ten, so a reply reaches the terminal soon.
    GATEWAY_FOLLOW_MINUTES: '1',
    LOG_LEVEL: 'warn',
  });
} catch (error) {
  console.error(error instanceof SettingsError ? error.message : error);
  process.exit(1);
}

const gateway = await startGateway(settings, { logStream: process.stderr });
const u = gateway.url;
console.log(`Gateway demo at ${u}, sending pull requests to a fake GitHub at ${fake.url} (repository ${repository}).
Emails are printed below instead of sent. Database: ${settings.database}

Try the journey with curl (a cookie jar keeps the session):
  curl -sc /tmp/gw -b /tmp/gw ${u}/api/session                     # note the csrfToken
  curl -sc /tmp/gw -b /tmp/gw -H 'content-type: application/json' -H 'x-csrf-token: TOKEN' \\
       -d '{"email":"you@nhs.net"}' ${u}/api/sign-in                # the code appears below
  curl -sc /tmp/gw -b /tmp/gw -H 'content-type: application/json' -H 'x-csrf-token: TOKEN' \\
       -d '{"email":"you@nhs.net","code":"123456"}' ${u}/api/verify  # note the new csrfToken
  curl -sc /tmp/gw -b /tmp/gw -H 'content-type: application/json' -H 'x-csrf-token: NEW_TOKEN' \\
       -d @gateway/demo-submission.json ${u}/api/submissions       # then open the statusUrl it gives
Maintainers: GATEWAY_DATABASE=${settings.database} npm run gateway -- status

Reply as the site team on pull request 1, as on GitHub; within two minutes the gateway emails it on
(printed below) and the status page shows it. Then merge it, and the contributor is told that too:
  curl -s -H 'authorization: token demo-maintainer' -H 'content-type: application/json' \\
       -d '{"body":"Please add what the backfill cost."}' ${fake.url}/repos/${repository}/issues/1/comments
  curl -s -X PUT -H 'authorization: token demo-maintainer' ${fake.url}/repos/${repository}/pulls/1/merge
`);

let site: StaticServer | undefined;
if (withSite) {
  console.log('Building the site with the gateway offered on its drafting form (a minute or so)…');
  const outDir = join(dir, 'site');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, OUT_DIR: outDir, CACHE_DIR: join(dir, 'cache'), BASE_PATH: '/', PUBLIC_GATEWAY_URL: u },
  });
  if (build.status === 0) {
    site = await startStaticServer({ root: outDir, base: '/', port: sitePort });
    console.log(`Draft a blueprint at ${site.url('/contribute/')}, check it, then "Send it without a GitHub account" with any nhs.net address: the code is printed here.`);
    console.log(`Or follow "We are using this" on any blueprint page (${site.url('/we-are-using-this/')}) to send an adoption record the same way.`);
  } else console.error('The site did not build (see above); the gateway still runs for the curl journey.');
}

const stop = async () => {
  await site?.close();
  await gateway.close();
  for (const p of fake.pulls(repository)) console.log(`#${p.number} ${p.title} (branch ${p.pull!.headRef}, labels ${p.labels.join(', ')})`);
  for (const i of fake.issues(repository)) console.log(`#${i.number} ${i.title} (issue, labels ${i.labels.join(', ')})`);
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
