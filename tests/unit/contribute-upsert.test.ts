import { describe, expect, it } from 'vitest';
import { botMarker } from '../../src/lib/contribute/issue-comment';
import { findOwn, isBotAuthor, upsertStep, type Authored } from '../../src/lib/contribute/upsert';

const bot = { login: 'proposal-bot[bot]', type: 'Bot' };
const mine = { id: 1, body: `${botMarker}\nold`, user: bot };

describe('finding the bot’s own comment', () => {
  it.each([
    ['the proposer', { login: 'proposer' }],
    ['someone calling themselves a bot', { login: 'proposal-bot' }],
    ['a user whose name ends in "bot"', { login: 'evilbot' }],
    ['a comment with no author', null],
    ['a comment with an empty author', {}],
  ])('does not take a comment carrying the marker from %s for its own', (_who, user) => {
    const planted: Authored & { id: number } = { id: 2, body: `${botMarker}\nI am the bot`, user };
    expect(findOwn([planted], botMarker, isBotAuthor())).toBeUndefined();
    expect(upsertStep([planted], botMarker, { body: 'new' }, isBotAuthor())).toEqual({ action: 'create' });
  });

  it.each([
    ['before', (m: string) => `${m}\nI am the bot`],
    ['after', (m: string) => `Hello\n${m}`],
    ['inside a quote', (m: string) => `> ${m}`],
  ])('finds its own comment and not a planted one with the marker %s', (_where, write) => {
    const planted = { id: 2, body: write(botMarker), user: { login: 'proposer' } };
    expect(findOwn([planted, mine], botMarker, isBotAuthor())).toBe(mine);
    expect(findOwn([mine, planted], botMarker, isBotAuthor())).toBe(mine);
  });

  it('accepts only the login it is given, when it is given one', () => {
    const other = { id: 3, body: botMarker, user: { login: 'other-app[bot]' } };
    expect(findOwn([other], botMarker, isBotAuthor('proposal-bot[bot]'))).toBeUndefined();
    expect(findOwn([other, mine], botMarker, isBotAuthor('Proposal-Bot[bot]'))).toBe(mine);
  });

  it('does not take its own comment without the marker', () => {
    expect(findOwn([{ id: 4, body: 'a different comment', user: bot }], botMarker, isBotAuthor())).toBeUndefined();
  });
});

describe('keeping one comment up to date', () => {
  it('updates its own comment when the text differs', () => {
    expect(upsertStep([mine], botMarker, { body: `${botMarker}\nnew` }, isBotAuthor())).toEqual({ action: 'update', item: mine });
  });

  it('changes nothing when the text is the same', () => {
    expect(upsertStep([mine], botMarker, { body: mine.body }, isBotAuthor())).toEqual({ action: 'unchanged', item: mine });
  });

  it('updates an issue whose title changed even when its body did not', () => {
    const issue = { ...mine, title: 'Old title' };
    expect(upsertStep([issue], botMarker, { body: mine.body, title: 'New title' }, isBotAuthor()).action).toBe('update');
  });
});
