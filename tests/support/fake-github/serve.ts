/**
 * Starts the fake GitHub by hand, for trying the scripts without a network:
 *   npx tsx tests/support/fake-github/serve.ts
 * then, in another terminal, run a script with the printed GITHUB_API_URL and GITHUB_TOKEN.
 * Ctrl+C stops it and removes its repositories.
 */
import { startFakeGitHub } from './server';

const fake = await startFakeGitHub();
fake.addUser('maintainer', 'maintainer-token');
fake.addUser('contributor', 'contributor-token');
fake.addUser('proposal-bot[bot]', 'bot-token', 'Bot');
fake.createRepo('blueprint-commons/blueprint-commons', { collaborators: ['maintainer', 'proposal-bot[bot]'] });

console.log(`Fake GitHub at ${fake.url} with repository blueprint-commons/blueprint-commons.
Try:
  GITHUB_API_URL=${fake.url} GITHUB_TOKEN=contributor-token npm run contribute -- tests/fixtures/contribute/discharge-letters-to-gps-same-day.mdx
Tokens: maintainer-token (can push), contributor-token (forks), bot-token (app).`);

const stop = async () => {
  for (const r of fake.requests) console.log(`${r.status} ${r.method} ${r.path}`);
  await fake.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
