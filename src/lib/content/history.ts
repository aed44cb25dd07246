/**
 * Page history from Git: when each content file was last changed, and a short change log of dated
 * commit subjects. src/node/content-history.ts runs the one `git log` a build needs, with the
 * arguments below; this module turns its output into a map from file to history, and decides what
 * a page may say when there is no history to read.
 *
 * Commit subjects are outside text: anyone whose commit is merged writes one. They are cleaned
 * here (no control or direction-changing characters, no e-mail addresses or credentials, a length
 * cap) and pages render them as text, never as HTML. Nothing about the author is read at all.
 *
 * Renames are followed: Git reports them (--find-renames) only for commits that both add and delete
 * a file, so following them costs little, and a blueprint moved into a folder keeps its history.
 */
import { redact } from '../contribute/redact';

export interface PageChange {
  /** The day of the commit (committer date, in UTC), at midnight UTC. */
  date: Date;
  /** The commit subject, cleaned: plain text for the page. */
  subject: string;
}

export interface PageHistory {
  /** The day the file (under this name or an earlier one) first appears in the history. */
  first: Date;
  /** The day of the newest commit that changed it. */
  last: Date;
  /** The newest changes, newest first, at most the limit given to `parseContentLog`. */
  changes: PageChange[];
  /** How many older changes are left out of `changes`. */
  earlier: number;
}

/** History by file path, relative to the content folder with forward slashes (`blueprints/x.mdx`). */
export type ContentHistory = Map<string, PageHistory>;

/** How many changes a page lists by default. */
export const changeLimit = 10;

/** The longest subject a page shows, in characters, "…" included. */
export const subjectLimit = 120;

/**
 * The `git log` arguments, run in the content folder. `marker` starts every commit's record; the
 * caller makes it unguessable (random) so that no commit subject can forge a record.
 *
 * - `%cI` is the committer date (when the change was made in this history, also after a rebase);
 *   `%s` the subject; nothing names the author.
 * - `--relative` limits the files listed to the content folder and prints paths relative to it. A
 *   commit that changed nothing there is listed with no files, and the parser passes over it.
 * - No pathspec (`-- .`): with one, git compares each commit's tree with its parent's twice, once
 *   to decide whether the commit touched the folder and once to list the files, and for a folder
 *   of 10,000 blueprints (12,001 commits) the log took 10.0 s of CPU instead of 4.1 s. The one
 *   difference in what is read: without a pathspec merges are not simplified, so a branch's change
 *   that its merge threw away (`git merge -s ours`) is listed too.
 * - `--date-order` lists every commit before its parents, which following renames depends on.
 * - `--no-merges`: a merge repeats changes its branch's own commits already list.
 * - The `-c` settings and `--no-color` keep a user's Git configuration from changing the format.
 */
export function contentLogArguments(marker: string): string[] {
  return [
    '-c', 'log.showSignature=false',
    '-c', 'i18n.logOutputEncoding=UTF-8',
    'log', '-z', '--no-color', '--no-merges', '--date-order', '--find-renames', '--relative', '--name-status',
    `--format=${marker}%x00%cI%x00%s`,
  ];
}

/** A commit as the parser reads it, before files are grouped. */
interface Commit {
  date: Date;
  subject: string;
  /** [status letter, path, new path for renames and copies]. */
  files: [string, string, string?][];
}

/**
 * Turns `git log` output (run with `contentLogArguments(marker)`) into each file's history.
 * Output that does not have the expected shape is an error naming what was wrong: the caller
 * then builds without history rather than show wrong dates.
 */
export function parseContentLog(output: string, marker: string, limit = changeLimit): ContentHistory {
  const commits = splitCommits(output, marker);
  /** Old name → the name the file has now, learnt from renames as the log goes back in time. */
  const renamedTo = new Map<string, string>();
  /** Files whose first commit (an add) has been seen: older commits on that path were another file. */
  const complete = new Set<string>();
  const all = new Map<string, PageChange[]>();

  for (const commit of commits) {
    const touched = new Set<string>();
    for (const [status, path, newPath] of commit.files) {
      const current = status === 'R' ? newPath! : status === 'C' ? newPath! : path;
      const key = renamedTo.get(current) ?? current;
      if (status === 'D' || complete.has(key) || touched.has(key)) continue;
      touched.add(key);
      let changes = all.get(key);
      if (!changes) all.set(key, (changes = []));
      changes.push({ date: commit.date, subject: commit.subject });
      if (status === 'R') renamedTo.set(path, key);
      else if (status === 'A' || status === 'C') complete.add(key);
    }
    // A path deleted here and added again later names a new file: older commits on it are not its history.
    for (const [status, path] of commit.files) {
      if (status === 'D' && !renamedTo.has(path)) complete.add(path);
    }
  }

  const history: ContentHistory = new Map();
  for (const [path, changes] of [...all].sort(([a], [b]) => a.localeCompare(b))) {
    history.set(path, {
      first: changes[changes.length - 1]!.date,
      last: changes[0]!.date,
      changes: changes.slice(0, limit),
      earlier: Math.max(0, changes.length - limit),
    });
  }
  return history;
}

const datePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;

function splitCommits(output: string, marker: string): Commit[] {
  if (!marker || /[\0\n]/.test(marker)) throw new Error('the git log marker must be non-empty, without NUL or newline');
  const records = output.split(`${marker}\0`);
  if (records[0]!.trim() !== '') throw new Error('git log output does not start with a commit: was it run with contentLogArguments()?');
  return records.slice(1).map((record, index) => {
    const fields = record.split('\0');
    const [rawDate = '', rawSubject = ''] = fields;
    if (!datePattern.test(rawDate)) throw new Error(`git log commit ${index + 1} has no ISO 8601 date where one belongs (found ${JSON.stringify(rawDate.slice(0, 40))})`);
    const files: Commit['files'] = [];
    // After the subject: "\n" then status, path (and a second path for renames and copies), each NUL-ended.
    const rest = fields.slice(2);
    for (let i = 0; i < rest.length; i++) {
      const status = rest[i]!.replace(/^\n/, '');
      if (status === '') continue;
      const letter = status[0]!;
      if (!/^(?:[AMDT]|[RC]\d{0,3})$/.test(status)) throw new Error(`git log commit ${index + 1} has an unknown file status ${JSON.stringify(status.slice(0, 10))}`);
      const paths = letter === 'R' || letter === 'C' ? 2 : 1;
      const names = rest.slice(i + 1, i + 1 + paths);
      if (names.length < paths || names.some((n) => n === '')) throw new Error(`git log commit ${index + 1} lists a file status without its path`);
      files.push([letter, names[0]!, names[1]]);
      i += paths;
    }
    return { date: dayOf(rawDate), subject: cleanSubject(rawSubject), files };
  });
}

/** Midnight UTC of the day an ISO 8601 date-time falls on in UTC. */
function dayOf(iso: string): Date {
  const at = new Date(iso);
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/**
 * A commit subject made fit to show: control and direction-changing characters become spaces
 * (they could hide or reorder text), spaces collapse, e-mail addresses and credentials are
 * replaced, and the result is cut to `subjectLimit` characters.
 */
export function cleanSubject(raw: string): string {
  const plain = raw
    .replace(/[\p{Cc}\p{Bidi_Control}\u200B-\u200D\u2028\u2029\uFEFF]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // Only the start of a subject is shown: past it nothing is searched, however long a commit made it.
    .slice(0, subjectLimit * 8)
    .replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, '[e-mail address]');
  return redact(plain, { limit: subjectLimit }) || 'No description';
}

/** What a page's history section shows. */
export interface PageHistoryView {
  /** Always the front-matter `published` date: the site's record of first publication. */
  firstPublished: Date;
  /** From Git when the page has history; otherwise absent, and the page shows `lastReviewed`. */
  lastChanged?: Date;
  lastReviewed: Date;
  changes: PageChange[];
  earlier: number;
  /** The day the oldest change was made, for "… earlier changes since …". */
  since?: Date;
}

/**
 * What a page may say about its history. "First published" is the front-matter date, never the
 * first commit: a file may be committed as a draft, or imported long after it was published.
 * Without history (no Git, a shallow clone, an uncommitted file) it shows the front-matter dates
 * only, and no change log.
 */
export function pageHistoryView(dates: { published: Date; lastReviewed: Date }, history: PageHistory | undefined): PageHistoryView {
  if (!history) return { firstPublished: dates.published, lastReviewed: dates.lastReviewed, changes: [], earlier: 0 };
  return {
    firstPublished: dates.published,
    lastChanged: history.last,
    lastReviewed: dates.lastReviewed,
    changes: history.changes,
    earlier: history.earlier,
    since: history.earlier > 0 ? history.first : undefined,
  };
}
