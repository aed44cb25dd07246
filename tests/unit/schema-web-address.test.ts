import { describe, expect, it } from 'vitest';
import { webAddress } from '../../src/lib/schema/fields';

const field = webAddress('the address of the source');
const messages = (input: unknown) => {
  const result = field.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('a web address (sources, organisation web sites)', () => {
  it.each([
    'https://www.england.nhs.uk/digitaltechnology/',
    'https://example.org',
    'https://example.org?q=1',
    'https://www.nhs.uk/conditions/#symptoms',
    'https://digital.nhs.uk/services/path/with-dashes_and.dots?x=1&y=2',
  ])('accepts %s', (input) => {
    expect(messages(input)).toEqual([]);
  });

  it('keeps the address as written, without the spaces around it', () => {
    expect(field.parse('  https://example.org/page  ')).toBe('https://example.org/page');
  });

  it.each(['http://example.org/', 'HTTP://example.org/', ' http://www.england.nhs.uk/ '])('refuses http:// and says only https:// is accepted: %s', (input) => {
    expect(messages(input)).toEqual([expect.stringMatching(/starts with http:\/\/, and only https:\/\/ addresses are accepted/)]);
  });

  it.each([
    'https:example.org',
    'https:/example.org',
    'https://',
    'HTTPS://EXAMPLE.ORG/',
    'https://localhost/page',
    'https://example .org/',
    'https://example.org/a page',
    'www.example.org',
    'ftp://example.org/file',
    'javascript:alert(1)',
    'mailto:team@example.org',
    '',
  ])('refuses %j, asking for the full address starting https://', (input) => {
    expect(messages(input)).toEqual([expect.stringMatching(/is not a full web address: write the address of the source in full, starting https:\/\//)]);
  });

  it.each(['https://reader:secret@example.org/', 'https://ghp_token@example.org/'])('refuses a user name or password before the host: %s', (input) => {
    expect(messages(input)).toEqual(['has a user name or password before the @: remove it, the address must work for every reader']);
  });

  it('says what to give when it is missing or not text', () => {
    expect(messages(undefined)).toEqual(['is required: give the address of the source as a web address starting https://']);
    expect(messages(42)).toEqual(['should be a web address starting https://; got 42']);
  });
});

describe('addresses and contacts in long, hostile text', () => {
  // Each pattern once tried every dot as the host's last one, a time that grows with the square of the length
  // (a 374 KB contact took over a minute and a half); the bound is far above one pass, so only that fails it.
  it('are read in one pass, however many dots they hold', async () => {
    const { contact } = await import('../../src/lib/schema/fields');
    for (const text of [`a@${'a.'.repeat(190_000)}@`, `https://${'a.'.repeat(190_000)} x`, `https://${'a.'.repeat(190_000)}`]) {
      const started = performance.now();
      contact.safeParse(text);
      field.safeParse(text);
      expect(performance.now() - started, text.slice(0, 12)).toBeLessThan(5_000);
    }
    expect(contact.safeParse('team@example.nhs.uk').success).toBe(true);
    expect(contact.safeParse('team@example').success).toBe(false);
    expect(contact.safeParse('team@example..uk').success).toBe(false);
  });
});
