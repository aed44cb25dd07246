/**
 * One comment or issue per purpose, kept up to date: a bot finds what it wrote before by a
 * hidden marker AND by its author, and edits it, rather than adding another each run. The
 * author check matters because anyone can paste the marker into their own comment: the bot
 * would then try to edit a stranger's comment, which GitHub refuses.
 */

/** A comment or issue as GitHub's REST API returns it (only the fields used here). */
export interface Authored {
  body?: string | null;
  title?: string;
  user?: { login?: string; type?: string } | null;
}

/**
 * Who counts as the bot: the login it was given (`--bot-login`, e.g. "blueprint-commons[bot]"),
 * or, when none was given, any GitHub App account. App accounts end in "[bot]", which no person's
 * user name can, since user names hold only letters, digits and hyphens.
 */
export function isBotAuthor(botLogin?: string): (item: Authored) => boolean {
  return (item) => {
    const login = item.user?.login ?? '';
    return botLogin ? login.toLowerCase() === botLogin.toLowerCase() : login.endsWith('[bot]');
  };
}

/** The bot's own item carrying `marker`, if there is one. */
export function findOwn<T extends Authored>(items: readonly T[], marker: string, isBot: (item: Authored) => boolean): T | undefined {
  return items.find((item) => typeof item.body === 'string' && item.body.includes(marker) && isBot(item));
}

export type UpsertStep<T> =
  | { action: 'create' }
  | { action: 'update'; item: T }
  | { action: 'unchanged'; item: T };

/** What to do so the bot's item with `marker` says `wanted`: create it, update it, or nothing. */
export function upsertStep<T extends Authored>(
  items: readonly T[],
  marker: string,
  wanted: { body: string; title?: string },
  isBot: (item: Authored) => boolean,
): UpsertStep<T> {
  const item = findOwn(items, marker, isBot);
  if (!item) return { action: 'create' };
  const same = item.body === wanted.body && (wanted.title === undefined || item.title === wanted.title);
  return same ? { action: 'unchanged', item } : { action: 'update', item };
}
