/**
 * The content folder's templates/ holds template sources only: YAML with a slug for a name. An
 * office file, web page or script dropped beside them is refused by name, with what to do
 * instead, because the site would otherwise seem to offer it and nothing checks what is inside.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/node/content-files';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function contentWith(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'content-files-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, 'src/content', name, '..'), { recursive: true });
    writeFileSync(join(root, 'src/content', name), text);
  }
  return root;
}

describe('the templates folder', () => {
  it('reads a YAML template as a template', () => {
    const listing = readContentFiles(contentWith({ 'templates/benefits-register.yaml': 'title: x\n' }));
    expect(listing.problems).toEqual([]);
    expect(listing.files).toMatchObject([{ path: 'src/content/templates/benefits-register.yaml', kind: 'template' }]);
  });

  it.each(['hazard-log.docm', 'hazard-log.docx', 'register.xlsm', 'outline.html', 'diagram.svg', 'macro.js', 'board-paper.pdf'])(
    'refuses %s, saying templates are YAML and why files are not uploaded as they are',
    (name) => {
      const listing = readContentFiles(contentWith({ [`templates/${name}`]: 'anything' }));
      expect(listing.files).toEqual([]);
      expect(listing.problems).toMatchObject([
        { file: `src/content/templates/${name}`, field: 'location', message: expect.stringMatching(/is not a template source: a template is one \.yaml file .* can carry macros or scripts/) },
      ]);
    },
  );

  it('refuses a folder inside it', () => {
    const listing = readContentFiles(contentWith({ 'templates/files/register.csv': 'a,b\n' }));
    expect(listing.problems).toMatchObject([{ file: 'src/content/templates/files', message: expect.stringMatching(/is a folder the site does not read/) }]);
  });
});
