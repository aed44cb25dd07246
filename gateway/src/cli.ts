/**
 * npm run gateway                 start the gateway from its settings (see gateway/README.md)
 * npm run gateway -- status       submissions by state (queued, sending, sent, failed) with their pull requests and what became of them on GitHub
 * npm run gateway -- retry <id>   queue a failed submission again; the running gateway sends it
 * npm run gateway -- backup <file> copy the database, safely while the gateway runs, into a new file
 */
import { resolve } from 'node:path';
import { databaseFromEnv, settingsFromEnv, SettingsError } from './config';
import { startGateway } from './server';
import { backUp, Store, type Submission, type SubmissionState } from './store';

const usage = 'Usage: npm run gateway [-- status | -- retry <id> | -- backup <file>]';

function status(store: Store): void {
  const order: SubmissionState[] = ['failed', 'queued', 'sending', 'sent'];
  const all = store.list();
  console.log(`${all.length} submission${all.length === 1 ? '' : 's'} in ${store.file}`);
  for (const state of order) {
    const rows = all.filter((s) => s.state === state);
    console.log(`\n${state} (${rows.length})`);
    for (const s of rows) console.log(`  ${line(s)}`);
  }
}

function line(s: Submission): string {
  const parts = [s.id, s.kind, new Date(s.createdAt).toISOString().slice(0, 16).replace('T', ' '), `${s.attempts} tr${s.attempts === 1 ? 'y' : 'ies'}`];
  if (s.pullUrl) parts.push(s.pullUrl);
  if (s.state === 'sent' && s.githubState) parts.push(`on GitHub: ${s.githubState}`);
  if (s.lastError && s.state !== 'sent') parts.push(`last error: ${s.lastError.replace(/\s+/g, ' ')}`);
  return parts.join('  ');
}

/** The backup command: refuses to make a database where there is none, and says what the copy holds. */
async function backUpCommand(rest: string[]): Promise<number> {
  const [file] = rest;
  if (!file || rest.length > 1) {
    console.error(`${usage}\nGive the file to write the backup to; it must not exist yet.`);
    return 1;
  }
  try {
    const count = await backUp(databaseFromEnv(), resolve(file));
    console.log(`Backed up ${count} submission${count === 1 ? '' : 's'} to ${resolve(file)}.`);
    console.log('It holds contributors\' email addresses: keep it as safe as the database, and delete it once it is older than GATEWAY_RETENTION_DAYS.');
    return 0;
  } catch (error) {
    console.error(`No backup was made: ${(error as Error).message}`);
    return 1;
  }
}

async function main(args: string[]): Promise<number> {
  const [command = 'start', ...rest] = args;
  if (command === 'backup') return backUpCommand(rest);
  if (command === 'status' || command === 'retry') {
    const store = new Store(databaseFromEnv());
    try {
      if (command === 'status') {
        status(store);
        return 0;
      }
      const [id] = rest;
      if (!id || rest.length > 1) {
        console.error(`${usage}\nGive the id of a failed submission, as \`status\` lists it.`);
        return 1;
      }
      if (!store.retry(id)) {
        const found = store.get(id);
        console.error(found ? `Submission ${id} is ${found.state}, not failed: nothing to retry.` : `There is no submission ${id}: run \`npm run gateway -- status\` to list them.`);
        return 1;
      }
      console.log(`Submission ${id} is queued again; the running gateway sends it within a few seconds.`);
      return 0;
    } finally {
      store.close();
    }
  }
  if (command !== 'start' || rest.length) {
    console.error(usage);
    return 1;
  }
  let settings;
  try {
    settings = settingsFromEnv();
  } catch (error) {
    if (error instanceof SettingsError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const gateway = await startGateway(settings);
  gateway.app.log.info({ url: gateway.url, repository: `${settings.github.owner}/${settings.github.repo}`, checkThreads: settings.checkThreads }, 'gateway listening');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await gateway.close();
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
