/**
 * How a content file is read once the folder is listed: only an ordinary file is read, opened
 * without following a link and without waiting, so a file swapped for a link or a named pipe
 * between the listing and the read is refused instead of read through or waited on for ever.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOrdinaryFile } from '../../src/node/content-files';

const dir = mkdtempSync(join(tmpdir(), 'content-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading a listed content file', () => {
  it('reads an ordinary file, and refuses a link or a named pipe at once', () => {
    const file = join(dir, 'a.mdx');
    writeFileSync(file, '---\ntitle: A\n---\n');
    expect(readOrdinaryFile(file)).toBe('---\ntitle: A\n---\n');
    const link = join(dir, 'b.mdx');
    symlinkSync(file, link);
    expect(readOrdinaryFile(link)).toBeUndefined();
    const pipe = join(dir, 'c.mdx');
    execFileSync('mkfifo', [pipe]);
    // With nothing writing to it, reading the pipe would wait for ever; the test would time out.
    expect(readOrdinaryFile(pipe)).toBeUndefined();
  }, 10_000);
});
