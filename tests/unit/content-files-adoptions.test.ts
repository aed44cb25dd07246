/**
 * The content folder's listing (src/node/content-files.ts) reads adoption records from
 * src/content/adoptions/ and refuses there what it refuses everywhere: links, and names the
 * build would read differently.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/node/content-files';

let root: string;
const saved = process.env.CONTENT_DIR;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'adoption-listing-'));
  mkdirSync(join(root, 'content', 'adoptions'), { recursive: true });
  process.env.CONTENT_DIR = join(root, 'content');
});

afterEach(() => {
  if (saved === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = saved;
  rmSync(root, { recursive: true, force: true });
});

const adoptions = () => join(root, 'content', 'adoptions');

describe('adoption records in the content folder', () => {
  it('are read as adoptions when named <organisation>--<blueprint>.yaml', () => {
    writeFileSync(join(adoptions(), 'fellbrook-hospitals--electronic-observations-in-nine-months.yaml'), 'stage: live\n');
    const listing = readContentFiles(root);
    expect(listing.problems).toEqual([]);
    expect(listing.files.map((f) => [f.path, f.kind])).toEqual([['content/adoptions/fellbrook-hospitals--electronic-observations-in-nine-months.yaml', 'adoption']]);
  });

  it('are refused under a name without the two hyphens, saying how to name them', () => {
    writeFileSync(join(adoptions(), 'fellbrook-uses-electronic-observations.yaml'), 'stage: live\n');
    const listing = readContentFiles(root);
    expect(listing.files).toEqual([]);
    expect(listing.problems).toMatchObject([{ file: 'content/adoptions/fellbrook-uses-electronic-observations.yaml', field: 'location', message: expect.stringMatching(/name it <organisation>--<blueprint>\.yaml/) }]);
  });

  it('are refused when they are symbolic links', () => {
    writeFileSync(join(root, 'elsewhere.yaml'), 'stage: live\n');
    symlinkSync(join(root, 'elsewhere.yaml'), join(adoptions(), 'a--b.yaml'));
    const listing = readContentFiles(root);
    expect(listing.files).toEqual([]);
    expect(listing.problems).toMatchObject([{ file: 'content/adoptions/a--b.yaml', message: expect.stringMatching(/is a symbolic link/) }]);
  });

  it('are refused in a sub-folder, which no loader reads', () => {
    mkdirSync(join(adoptions(), 'older'));
    writeFileSync(join(adoptions(), 'older', 'a--b.yaml'), 'stage: live\n');
    expect(readContentFiles(root).problems).toMatchObject([{ file: 'content/adoptions/older', message: expect.stringMatching(/is a folder the site does not read/) }]);
  });
});
