/**
 * `npm run gateway -- backup <file>` (gateway/src/cli.ts, backUp in gateway/src/store.ts): a copy of the real
 * SQLite file taken while the database is open and being written, as it is while the gateway runs.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backUp, Store } from '../../gateway/src/store';
import { projectRoot } from '../support/fake-github';

let dir: string;
let database: string;
let live: Store;

const cli = (env: Record<string, string>, ...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'gateway/src/cli.ts', ...args], { cwd: projectRoot, env: { PATH: process.env.PATH!, ...env } })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }), (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }));

const submission = (n: number) => ({
  id: `backup${n}`, kind: 'blueprint' as const, idempotencyKey: `key-of-backup-submission-${String(n).padStart(5, '0')}`, email: `author.${n}@nhs.net`, domain: 'nhs.net',
  creditName: null, answers: { title: `Backed up ${n}` }, payload: null, notDuplicate: false, branch: `gateway/backup${n}`,
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gateway-backup-'));
  database = join(dir, 'gateway.sqlite');
  // Open, in WAL mode, with writes not yet checkpointed into the main file: as the running gateway leaves it.
  live = new Store(database);
  for (let n = 1; n <= 30; n++) live.insert(submission(n));
});

afterAll(() => {
  live?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('backing up the database', () => {
  it('copies every submission, including the newest writes, into a file SQLite finds whole, while the database is open', async () => {
    expect(existsSync(`${database}-wal`)).toBe(true);
    const file = join(dir, 'copy-1.sqlite');
    const run = await cli({ GATEWAY_DATABASE: database }, 'backup', file);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Backed up 30 submissions to ${file}.`);
    expect(run.stdout).toContain('It holds contributors\' email addresses');
    const copy = new Store(file);
    try {
      expect(copy.list().map((s) => s.id).sort()).toEqual(live.list().map((s) => s.id).sort());
      expect(copy.get('backup30')).toMatchObject({ email: 'author.30@nhs.net', state: 'queued', answers: { title: 'Backed up 30' } });
    } finally {
      copy.close();
    }
    // Nothing beside it: no half-written copy, and no journal files the copy would need.
    expect(readdirSync(dir).filter((f) => f.startsWith('copy-1'))).toEqual(['copy-1.sqlite']);
  });

  it('restores: the copy is a working database, with what was queued still queued, as the status command reads it', async () => {
    const file = join(dir, 'copy-2.sqlite');
    expect((await cli({ GATEWAY_DATABASE: database }, 'backup', file)).code).toBe(0);
    const status = await cli({ GATEWAY_DATABASE: file }, 'status');
    expect(status.stdout).toMatch(/^30 submissions in .*copy-2\.sqlite$/m);
    expect(status.stdout).toMatch(/^queued \(30\)$/m);
  });

  it('never writes over a file, and says why', async () => {
    const file = join(dir, 'copy-1.sqlite');
    const run = await cli({ GATEWAY_DATABASE: database }, 'backup', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`No backup was made: ${file} already exists: give a new file name, so no backup is written over`);
  });

  it('makes no database where there is none, and no file when the folder is missing', async () => {
    const nowhere = join(dir, 'no-such.sqlite');
    const run = await cli({ GATEWAY_DATABASE: nowhere }, 'backup', join(dir, 'copy-3.sqlite'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`No backup was made: there is no database at ${nowhere}: set GATEWAY_DATABASE`);
    expect(existsSync(nowhere)).toBe(false);

    const missing = join(dir, 'missing-folder', 'copy.sqlite');
    const failed = await cli({ GATEWAY_DATABASE: database }, 'backup', missing);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`No backup was made: there is no folder ${join(dir, 'missing-folder')}: make it first`);
    expect(existsSync(join(dir, 'missing-folder'))).toBe(false);
  });

  it('only reads the database: another SQLite file, or an empty one, is refused and left as it was', async () => {
    const folder = mkdtempSync(join(dir, 'foreign-'));
    const other = join(folder, 'other-app.sqlite');
    const db = new DatabaseSync(other);
    db.exec('CREATE TABLE notes (text TEXT)');
    db.close();
    const empty = join(folder, 'empty.sqlite');
    writeFileSync(empty, '');
    for (const [database, tables] of [[other, ['notes']], [empty, []]] as const) {
      const run = await cli({ GATEWAY_DATABASE: database }, 'backup', join(folder, 'copy.sqlite'));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`No backup was made: ${database} is not the gateway's database: it holds no submissions table`);
      const after = new DatabaseSync(database, { readOnly: true });
      expect((after.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name)).toEqual(tables);
      after.close();
    }
    expect(readdirSync(folder).sort()).toEqual(['empty.sqlite', 'other-app.sqlite']);
  });

  it('says why, without a stack trace, when the database is a folder or not a database', async () => {
    const folder = mkdtempSync(join(dir, 'odd-'));
    mkdirSync(join(folder, 'a-folder.sqlite'));
    writeFileSync(join(folder, 'text.sqlite'), 'not a database, but text of some length to read as a header');
    for (const database of [join(folder, 'a-folder.sqlite'), join(folder, 'text.sqlite')]) {
      const run = await cli({ GATEWAY_DATABASE: database }, 'backup', join(folder, 'copy.sqlite'));
      expect(run.code, database).toBe(1);
      expect(run.stderr).toMatch(/^No backup was made: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('never writes over a file that appears at the name while the copy is made, nor a link there, nor a file of the operator\'s beside it', async () => {
    const folder = mkdtempSync(join(dir, 'names-'));
    const raced = join(folder, 'raced.sqlite');
    const backing = backUp(database, raced);
    writeFileSync(raced, 'another backup, made meanwhile');
    await expect(backing).rejects.toThrow(`${raced} appeared while the copy was made`);
    expect(readFileSync(raced, 'utf8')).toBe('another backup, made meanwhile');

    const linked = join(folder, 'linked.sqlite');
    symlinkSync(join(folder, 'nowhere.sqlite'), linked);
    await expect(backUp(database, linked)).rejects.toThrow(`${linked} already exists`);
    expect(lstatSync(linked).isSymbolicLink()).toBe(true);
    expect(existsSync(join(folder, 'nowhere.sqlite'))).toBe(false);

    const kept = join(folder, 'kept.sqlite');
    writeFileSync(`${kept}.partial`, 'notes the operator keeps');
    expect(await backUp(database, kept)).toBe(30);
    expect(readFileSync(`${kept}.partial`, 'utf8')).toBe('notes the operator keeps');
    expect(readdirSync(folder).sort()).toEqual(['kept.sqlite', 'kept.sqlite.partial', 'linked.sqlite', 'raced.sqlite']);
  });

  it('finishes while another connection writes every few milliseconds, as a busy gateway does', async () => {
    const folder = mkdtempSync(join(dir, 'busy-'));
    const busy = join(folder, 'gateway.sqlite');
    const store = new Store(busy);
    store.db.exec('BEGIN');
    for (let n = 0; n < 5000; n++) store.insert({ ...submission(n), answers: { title: 'x'.repeat(4000) } });
    store.db.exec('COMMIT');
    store.close();
    // Copied a hundred pages at a time, the copy started again at every write and never finished.
    const writer = spawn(process.execPath, ['-e', `
      const { DatabaseSync } = require('node:sqlite');
      const db = new DatabaseSync(${JSON.stringify(busy)});
      db.exec('PRAGMA busy_timeout = 5000');
      let n = 0;
      setInterval(() => db.prepare('UPDATE submissions SET updated_at = ? WHERE id = ?').run(Date.now(), 'backup' + (n++ % 5000 + 1)), 5);
    `], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const outcome = await Promise.race([
        backUp(busy, join(folder, 'copy.sqlite')).then((count) => `${count} submissions`),
        new Promise<string>((resolve) => setTimeout(() => resolve('still copying after 20 s'), 20_000)),
      ]);
      expect(outcome).toBe('5000 submissions');
    } finally {
      writer.kill();
    }
  }, 60_000);

  it('leaves the database as it was, even one a stopped gateway left with its WAL not yet folded in', async () => {
    const folder = mkdtempSync(join(dir, 'stopped-'));
    const stopped = join(folder, 'gateway.sqlite');
    spawnSync(process.execPath, ['-e', `
      const { DatabaseSync } = require('node:sqlite');
      const d = new DatabaseSync(${JSON.stringify(stopped)});
      d.exec("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE submissions (id TEXT); INSERT INTO submissions VALUES ('x');");
      process.kill(process.pid, 'SIGKILL');
    `]);
    expect(existsSync(`${stopped}-wal`)).toBe(true);
    const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    const before = hash(stopped);
    expect(await backUp(stopped, join(folder, 'copy.sqlite'))).toBe(1);
    expect(existsSync(`${stopped}-wal`)).toBe(true);
    expect(hash(stopped)).toBe(before);
  });

  it('asks for the file when none is given', async () => {
    const run = await cli({ GATEWAY_DATABASE: database }, 'backup');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Give the file to write the backup to; it must not exist yet.');
  });
});
