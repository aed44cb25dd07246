/**
 * The gateway's one SQLite file (Node's built-in node:sqlite, no server). Every submission is
 * written here before anything goes to GitHub, so a crash loses nothing; the unique index on
 * the idempotency key makes a double click or a browser retry the same submission.
 *
 * Personal data lives in two columns only, `email` and `credit_name`, and in the sessions table;
 * the retention job clears them (./retention.ts). Sign-in codes and their addresses are stored
 * only as keyed hashes.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import * as sqlite from 'node:sqlite';
import { DatabaseSync, type StatementSync } from 'node:sqlite';

/**
 * What a submission is: a new blueprint, an adoption record ("We are using this"), feedback on a
 * page, an owner's review of their blueprint, or a suggested change to one part of a blueprint, playbook or template.
 */
export const submissionKinds = ['blueprint', 'adoption', 'feedback', 'review', 'change'] as const;
export type SubmissionKind = (typeof submissionKinds)[number];

/** Feedback becomes an issue; the other kinds become pull requests. */
export const becomesIssue = (kind: SubmissionKind) => kind === 'feedback';

/**
 * What emails and the status page call each kind ("your blueprint proposal"), the site page for
 * sending another, and how to answer the site team: sending again from the same form, in the same
 * browser, updates what was sent (the form remembers which submission it became).
 */
export const kindNames: Record<SubmissionKind, { noun: string; another: { path: string; text: string }; answer: { form: string; how: string } }> = {
  blueprint: {
    noun: 'blueprint proposal', another: { path: 'contribute', text: 'Propose another blueprint' },
    answer: { form: 'the drafting form', how: 'To change your proposal, follow the link to the drafting form in the emails we sent you, on any computer, or open the form in the browser you sent it from. Change it and send it again, and the same pull request is updated.' },
  },
  adoption: {
    noun: 'adoption record', another: { path: 'we-are-using-this', text: 'Say your organisation is using another blueprint' },
    answer: { form: 'the “We are using this” form', how: 'To change your record, send it again from the “We are using this” form, on any computer, for the same blueprint and organisation, from the same email address: the same pull request is updated.' },
  },
  feedback: {
    noun: 'feedback', another: { path: 'feedback', text: 'Give feedback on another page' },
    answer: { form: 'the feedback form', how: 'To add something, give feedback again from the feedback form and mention this issue’s number.' },
  },
  review: {
    noun: 'blueprint review', another: { path: 'review', text: 'Review another blueprint' },
    answer: { form: 'the review form', how: 'To change your review, send it again from the review form, on any computer, for the same blueprint, from the same email address: the same pull request is updated.' },
  },
  change: {
    noun: 'suggested change', another: { path: 'suggest-a-change', text: 'Suggest another change' },
    answer: { form: 'the change form', how: 'To change what you suggested, send it again from the change form, on any computer, for the same part, from the same email address: the same pull request is updated.' },
  },
};

/** What goes to GitHub, exactly as checked when the contributor sent it. */
export interface Payload {
  /** The file the pull request adds or changes (a review changes an existing one); empty for feedback, which changes no file. */
  path: string;
  /** The file's text: MDX for a blueprint, a review or a change, YAML for an adoption record; empty for feedback. */
  text: string;
  title: string;
  body: string;
  labels: string[];
  commitMessage: string;
  /**
   * For an owner's review: the change to make to the file as it is on GitHub when it is sent
   * (`text` is the change made to the gateway's copy, as checked). Reviews stored before owners
   * were asked who paid have no `funding`.
   */
  review?: { verdict: 'still-right' | 'needs-changes'; today: string; funding?: string[] };
  /**
   * For a suggested change: the part it changes, that part's text as the contributor started from
   * it, and as it should read, to make the change again to the file as it is on GitHub.
   */
  change?: { section: string; before: string; after: string };
}

export type SubmissionState = 'queued' | 'sending' | 'sent' | 'failed';

/** What became of the pull request (or issue) on GitHub, as last looked at: merged applies to pull requests only. */
export type GitHubState = 'open' | 'merged' | 'closed';

/**
 * A reply from the site team on the pull request or issue: a comment, or a review with its
 * verdict. Public on GitHub already; kept so the status page can show it without asking GitHub.
 */
export interface Reply {
  /** GitHub's id, with the kind of reply: "comment-123" or "review-45". */
  id: string;
  /** The GitHub login of the maintainer who wrote it. */
  author: string;
  body: string;
  /** When it was written (ISO 8601, from GitHub). */
  at: string;
  url: string;
  verdict: 'changes-requested' | 'approved' | null;
  /** Set on a reply already passed on whose text has been changed on GitHub since, so the email says so. */
  edited?: boolean;
}

export interface Submission {
  id: string;
  kind: SubmissionKind;
  idempotencyKey: string;
  /** Cleared after the retention period. */
  email: string | null;
  /** The organisation's email domain: what the pull request says about who sent it. */
  domain: string;
  /** The name to credit, only when the contributor asked to be named; cleared after retention. */
  creditName: string | null;
  answers: Record<string, unknown>;
  /** The file and pull request text made from the answers when they were checked; cleared with the personal data. */
  payload: Payload | null;
  notDuplicate: boolean;
  state: SubmissionState;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: number;
  branch: string;
  /** The pull request opened, or for feedback the issue. */
  pullNumber: number | null;
  pullUrl: string | null;
  /** How many times the contributor changed it; the worker sends the latest. */
  version: number;
  sentVersion: number;
  createdAt: number;
  updatedAt: number;
  /** What became of it on GitHub; null until the gateway first looks (./follow-up.ts). */
  githubState: GitHubState | null;
  /** When the gateway last looked at it on GitHub, or sent it (ms since the epoch). */
  followedAt: number;
}

interface Row {
  id: string; kind: SubmissionKind; idempotency_key: string; email: string | null; domain: string; credit_name: string | null; answers: string; payload: string | null; not_duplicate: number;
  state: SubmissionState; attempts: number; last_error: string | null; next_attempt_at: number; branch: string; pull_number: number | null;
  pull_url: string | null; version: number; sent_version: number; created_at: number; updated_at: number; github_state: GitHubState | null; followed_at: number;
}

/** A row's columns but the two JSON ones. */
const columns = (r: Omit<Row, 'answers' | 'payload'>): Omit<Submission, 'answers' | 'payload'> => ({
  id: r.id, kind: r.kind, idempotencyKey: r.idempotency_key, email: r.email, domain: r.domain, creditName: r.credit_name,
  notDuplicate: r.not_duplicate === 1, state: r.state, attempts: r.attempts, lastError: r.last_error, nextAttemptAt: r.next_attempt_at, branch: r.branch,
  pullNumber: r.pull_number, pullUrl: r.pull_url, version: r.version, sentVersion: r.sent_version, createdAt: r.created_at, updatedAt: r.updated_at,
  githubState: r.github_state, followedAt: r.followed_at,
});
const toSubmission = (r: Row): Submission => ({ ...columns(r), answers: JSON.parse(r.answers), payload: r.payload ? payloadOf(JSON.parse(r.payload)) : null });
/** A stored payload; one stored before adoption records came through the gateway calls its text `mdx`. */
const payloadOf = ({ mdx, ...p }: Payload & { mdx?: string }): Payload => ({ ...p, text: p.text ?? mdx });
/** The kinds that become pull requests, as an SQL list. */
const pullKinds = submissionKinds.filter((k) => !becomesIssue(k)).map((k) => `'${k}'`).join(', ');
/** Every column but the two JSON ones, for RETURNING. */
const plainColumns = 'id, kind, idempotency_key, email, domain, credit_name, not_duplicate, state, attempts, last_error, next_attempt_at, branch, pull_number, pull_url, version, sent_version, created_at, updated_at, github_state, followed_at';

/** The kind column, in the table as made and as added to a database made before it existed. */
const kindColumn = `kind TEXT NOT NULL DEFAULT 'blueprint' CHECK (kind IN (${submissionKinds.map((k) => `'${k}'`).join(', ')}))`;
/** Columns added since the table was first made, as a database made before them gets them. */
const laterColumns = {
  github_state: `github_state TEXT CHECK (github_state IN ('open', 'merged', 'closed'))`,
  followed_at: 'followed_at INTEGER NOT NULL DEFAULT 0',
};

const schema = `
CREATE TABLE IF NOT EXISTS submissions (
  id TEXT PRIMARY KEY,
  ${kindColumn},
  idempotency_key TEXT NOT NULL,
  email TEXT,
  domain TEXT NOT NULL,
  credit_name TEXT,
  answers TEXT NOT NULL,
  payload TEXT,
  not_duplicate INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  branch TEXT NOT NULL,
  pull_number INTEGER,
  pull_url TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  sent_version INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  ${laterColumns.github_state},
  ${laterColumns.followed_at}
);
CREATE UNIQUE INDEX IF NOT EXISTS submissions_idempotency_key ON submissions (idempotency_key);
CREATE INDEX IF NOT EXISTS submissions_queue ON submissions (state, next_attempt_at);
CREATE TABLE IF NOT EXISTS later_keys (
  idempotency_key TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS replies (
  submission_id TEXT NOT NULL,
  reply_id TEXT NOT NULL,
  author TEXT NOT NULL,
  body TEXT NOT NULL,
  at TEXT NOT NULL,
  url TEXT NOT NULL,
  verdict TEXT,
  PRIMARY KEY (submission_id, reply_id)
);
CREATE TABLE IF NOT EXISTS codes (
  address_hash TEXT PRIMARY KEY,
  code_hash TEXT,
  expires_at INTEGER NOT NULL DEFAULT 0,
  tries INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,
  csrf TEXT NOT NULL,
  email TEXT,
  expires_at INTEGER NOT NULL
);
`;

export class Store {
  readonly db: DatabaseSync;
  /** Each statement is compiled once and reused: compiling costs more than running most of them. */
  private readonly statements = new Map<string, StatementSync>();

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    // WAL lets the status command read while the gateway writes; a busy timeout rides out the overlap.
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
    this.db.exec(schema);
    // A database from before adoption records came through the gateway: every submission in it is a blueprint.
    if (!this.db.prepare(`SELECT 1 FROM pragma_table_info('submissions') WHERE name = 'kind'`).get()) this.db.exec(`ALTER TABLE submissions ADD COLUMN ${kindColumn}`);
    for (const [name, column] of Object.entries(laterColumns)) {
      if (!this.db.prepare(`SELECT 1 FROM pragma_table_info('submissions') WHERE name = ?`).get(name)) this.db.exec(`ALTER TABLE submissions ADD COLUMN ${column}`);
    }
    this.allowEveryKind();
  }

  /**
   * A database made before the newest kind was added checks the kind against the older list, and
   * SQLite cannot change a column's CHECK in place: the table is made again with every kind, its
   * rows copied, in one transaction, so an interruption leaves the old table as it was.
   */
  private allowEveryKind(): void {
    const made = (this.db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'submissions'`).get() as { sql: string }).sql;
    if (made.includes(kindColumn)) return;
    const table = schema.slice(schema.indexOf('CREATE TABLE IF NOT EXISTS submissions'), schema.indexOf(');', schema.indexOf('CREATE TABLE IF NOT EXISTS submissions')) + 2);
    const names = (this.db.prepare(`SELECT name FROM pragma_table_info('submissions')`).all() as { name: string }[]).map((c) => c.name).join(', ');
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.db.exec(`ALTER TABLE submissions RENAME TO submissions_before;
        ${table.replace('IF NOT EXISTS submissions', 'submissions')}
        INSERT INTO submissions (${names}) SELECT ${names} FROM submissions_before;
        DROP TABLE submissions_before;
        CREATE UNIQUE INDEX IF NOT EXISTS submissions_idempotency_key ON submissions (idempotency_key);
        CREATE INDEX IF NOT EXISTS submissions_queue ON submissions (state, next_attempt_at);`);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  close(): void {
    this.statements.clear();
    if (this.db.isOpen) this.db.close();
  }



  private sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  // ----- Submissions ---------------------------------------------------------------------------

  /**
   * Stores a new submission, or returns the one already stored under this idempotency key
   * (`created: false`): a double click or a retried request is the same submission.
   */
  insert(s: Pick<Submission, 'id' | 'kind' | 'idempotencyKey' | 'email' | 'domain' | 'creditName' | 'answers' | 'payload' | 'notDuplicate' | 'branch'>, now = Date.now()): { submission: Submission; created: boolean } {
    const inserted = this.sql(`INSERT INTO submissions (id, kind, idempotency_key, email, domain, credit_name, answers, payload, not_duplicate, state, branch, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${plainColumns}`)
      .get(s.id, s.kind, s.idempotencyKey, s.email, s.domain, s.creditName, JSON.stringify(s.answers), s.payload && JSON.stringify(s.payload), s.notDuplicate ? 1 : 0, s.branch, now, now) as Omit<Row, 'answers' | 'payload'> | undefined;
    // Stored now: what was stored is what we were given, so the JSON is not read back.
    if (inserted) return { submission: { ...columns(inserted), answers: s.answers, payload: s.payload }, created: true };
    return { submission: this.byKey(s.idempotencyKey)!, created: false };
  }

  get(id: string): Submission | undefined {
    const row = this.sql('SELECT * FROM submissions WHERE id = ?').get(id) as Row | undefined;
    return row && toSubmission(row);
  }

  /** The submission stored under this idempotency key, or sent again under it for the same file (`addKey`). */
  byKey(key: string): Submission | undefined {
    const row = (this.sql('SELECT * FROM submissions WHERE idempotency_key = ?').get(key)
      ?? this.sql('SELECT s.* FROM later_keys k JOIN submissions s ON s.id = k.submission_id WHERE k.idempotency_key = ?').get(key)) as Row | undefined;
    return row && toSubmission(row);
  }

  /** Files the key of a form sent again for the same file under the submission it changed, so a retry of that request finds it. */
  addKey(id: string, key: string): void {
    this.sql('INSERT INTO later_keys (idempotency_key, submission_id) VALUES (?, ?) ON CONFLICT (idempotency_key) DO NOTHING').run(key, id);
  }

  /**
   * The submission of this kind from this address that changes the same file, and for a suggested
   * change the same part, and is still open to change: not yet on GitHub, open there when the
   * gateway last looked, or sent and not yet looked at while the gateway follows pull requests up
   * (`following`): its next look finds out if it ended, and tells the contributor, who sending
   * again then gets a new proposal. With following up turned off a pull request not looked at may
   * have been merged long ago and the gateway would never learn, so sending again makes a new
   * proposal. Feedback changes no file; a new blueprint's file follows its title, so it is matched
   * by its own link instead.
   */
  openForSameFile(email: string, kind: SubmissionKind, payload: Payload, following: boolean): Submission | undefined {
    if (kind === 'feedback' || kind === 'blueprint' || !payload.path) return undefined;
    // An ended change is left with `followed_at` 0 (`markEnded`) until the look that tells its contributor.
    const rows = this.sql(`SELECT * FROM submissions WHERE email = ? AND kind = ?
      AND (pull_number IS NULL OR github_state = 'open' OR (? AND github_state IS NULL AND followed_at > 0))
      AND json_extract(payload, '$.path') = ? ORDER BY created_at DESC`).all(email, kind, following ? 1 : 0, payload.path) as unknown as Row[];
    return rows.map(toSubmission).find((s) => s.payload?.change?.section === payload.change?.section);
  }

  list(state?: SubmissionState): Submission[] {
    const rows = (state
      ? this.sql('SELECT * FROM submissions WHERE state = ? ORDER BY created_at').all(state)
      : this.sql('SELECT * FROM submissions ORDER BY created_at').all()) as unknown as Row[];
    return rows.map(toSubmission);
  }

  /** New answers for a submission: sent again to the same branch and pull request. */
  edit(id: string, change: Pick<Submission, 'answers' | 'payload' | 'notDuplicate' | 'creditName'>, now = Date.now()): void {
    this.sql(`UPDATE submissions SET answers = ?, payload = ?, not_duplicate = ?, credit_name = ?, version = version + 1, state = 'queued', attempts = 0,
      last_error = NULL, next_attempt_at = 0, updated_at = ? WHERE id = ?`)
      .run(JSON.stringify(change.answers), change.payload && JSON.stringify(change.payload), change.notDuplicate ? 1 : 0, change.creditName, now, id);
  }

  /**
   * The pull requests of other submissions that change the file at `path` (two people recording
   * one adoption, say), while their payloads are kept.
   */
  pullsChanging(path: string, except: string): { number: number; url: string }[] {
    const rows = this.sql(`SELECT pull_number, pull_url FROM submissions
      WHERE id <> ? AND kind IN (${pullKinds}) AND pull_number IS NOT NULL AND json_extract(payload, '$.path') = ? ORDER BY pull_number`).all(except, path) as { pull_number: number; pull_url: string }[];
    return rows.map((r) => ({ number: r.pull_number, url: r.pull_url }));
  }

  /** Takes the next submission due, marking it `sending`; undefined when none is due. */
  claimNext(now = Date.now()): Submission | undefined {
    const row = this.sql(`UPDATE submissions SET state = 'sending', attempts = attempts + 1, updated_at = ?
        WHERE id = (SELECT id FROM submissions WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT 1)
        RETURNING *`)
      .get(now, now) as Row | undefined;
    return row && toSubmission(row);
  }

  /** After a crash, submissions left mid-send are sent again (publishing is idempotent). */
  requeueInterrupted(now = Date.now()): number {
    return Number(this.sql(`UPDATE submissions SET state = 'queued', next_attempt_at = 0, updated_at = ? WHERE state = 'sending'`).run(now).changes);
  }

  markSent(id: string, version: number, pull: { number: number; url: string }, now = Date.now()): void {
    // An edit that arrived while sending bumped the version: leave it queued so it goes too.
    // Followed again from now: the pull request may be a new one, and the site team has not seen this version yet.
    this.sql(`UPDATE submissions SET state = CASE WHEN version = ? THEN 'sent' ELSE 'queued' END, sent_version = ?, pull_number = ?, pull_url = ?,
      last_error = NULL, attempts = CASE WHEN version = ? THEN attempts ELSE 0 END, updated_at = ?, github_state = NULL, followed_at = ? WHERE id = ?`).run(version, version, pull.number, pull.url, version, now, now, id);
  }

  markRetry(id: string, error: string, at: number, now = Date.now()): void {
    this.sql(`UPDATE submissions SET state = 'queued', last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?`).run(error, at, now, id);
  }

  /**
   * A change that arrived after its pull request was merged or closed, and was not sent: the
   * submission stands as sent, and is looked at on GitHub next, so the contributor hears how it ended.
   */
  markEnded(id: string, note: string, now = Date.now()): void {
    this.sql(`UPDATE submissions SET state = 'sent', last_error = ?, updated_at = ?, followed_at = 0 WHERE id = ?`).run(note, now, id);
  }

  markFailed(id: string, error: string, now = Date.now()): void {
    this.sql(`UPDATE submissions SET state = 'failed', last_error = ?, updated_at = ? WHERE id = ?`).run(error, now, id);
  }

  /** A maintainer's retry of a failed submission; false when there is no failed one with this id. */
  retry(id: string, now = Date.now()): boolean {
    return this.sql(`UPDATE submissions SET state = 'queued', attempts = 0, next_attempt_at = 0, updated_at = ? WHERE id = ? AND state = 'failed'`).run(now, id).changes === 1;
  }

  /**
   * Deletes the contributor's address from one submission, when they ask to stop its emails:
   * nobody is emailed about it again, and it can no longer be changed from the site's form. The
   * name they asked to be credited by stays (it is in the public pull request) until the retention
   * period ends. Returns whether there was an address to delete.
   */
  forgetAddress(id: string): boolean {
    return Number(this.sql('UPDATE submissions SET email = NULL WHERE id = ? AND email IS NOT NULL').run(id).changes) > 0;
  }

  /**
   * Clears personal data from submissions older than `before`, and the replies kept for them (no
   * one is left to tell); returns how many submissions were cleared.
   */
  forgetPeople(before: number): number {
    this.sql('DELETE FROM replies WHERE submission_id IN (SELECT id FROM submissions WHERE created_at < ?)').run(before);
    return Number(this.sql(`UPDATE submissions SET email = NULL, credit_name = NULL, payload = NULL
      WHERE created_at < ? AND (email IS NOT NULL OR credit_name IS NOT NULL OR payload IS NOT NULL)`).run(before).changes);
  }

  // ----- Following up on GitHub ----------------------------------------------------------------

  /**
   * Sent submissions still open on GitHub (or not yet looked at) that someone can be told about,
   * not looked at since `lookedBefore`: the longest-waiting first, at most `limit`.
   */
  dueForFollowUp(lookedBefore: number, limit: number): Submission[] {
    const rows = this.sql(`SELECT * FROM submissions WHERE state = 'sent' AND pull_number IS NOT NULL AND email IS NOT NULL
      AND (github_state IS NULL OR github_state = 'open') AND followed_at <= ? ORDER BY followed_at, created_at LIMIT ?`).all(lookedBefore, limit) as unknown as Row[];
    return rows.map(toSubmission);
  }

  /** The replies already kept for a submission: each one's text by its id, to tell a new reply and an edited one. */
  seenReplies(id: string): Map<string, string> {
    return new Map((this.sql('SELECT reply_id, body FROM replies WHERE submission_id = ?').all(id) as { reply_id: string; body: string }[]).map((r) => [r.reply_id, r.body]));
  }

  /**
   * Records a look at GitHub, once the contributor has been told: the state found, the replies new
   * or edited, and those `deleted` on GitHub since, which are forgotten, in one transaction.
   */
  recordFollowUp(id: string, state: GitHubState, replies: readonly Reply[], now = Date.now(), deleted: readonly string[] = []): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const replyId of deleted) this.sql('DELETE FROM replies WHERE submission_id = ? AND reply_id = ?').run(id, replyId);
      for (const r of replies) {
        this.sql(`INSERT INTO replies (submission_id, reply_id, author, body, at, url, verdict) VALUES (?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (submission_id, reply_id) DO UPDATE SET body = excluded.body, verdict = excluded.verdict`).run(id, r.id, r.author, r.body, r.at, r.url, r.verdict);
      }
      this.sql('UPDATE submissions SET github_state = ?, followed_at = ? WHERE id = ?').run(state, now, id);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** A look at GitHub that failed: tried again after the usual wait, not at once. */
  followedWithoutAnswer(id: string, now = Date.now()): void {
    this.sql('UPDATE submissions SET followed_at = ? WHERE id = ?').run(now, id);
  }

  /** The site team's replies kept for a submission, oldest first. */
  replies(id: string): Reply[] {
    const rows = this.sql('SELECT reply_id, author, body, at, url, verdict FROM replies WHERE submission_id = ? ORDER BY at, reply_id').all(id) as
      { reply_id: string; author: string; body: string; at: string; url: string; verdict: Reply['verdict'] }[];
    return rows.map((r) => ({ id: r.reply_id, author: r.author, body: r.body, at: r.at, url: r.url, verdict: r.verdict }));
  }

  // ----- Codes and sessions ----------------------------------------------------------------------

  codeFor(addressHash: string): { codeHash: string | null; expiresAt: number; tries: number; lockedUntil: number } | undefined {
    const row = this.sql('SELECT code_hash, expires_at, tries, locked_until FROM codes WHERE address_hash = ?').get(addressHash) as
      { code_hash: string | null; expires_at: number; tries: number; locked_until: number } | undefined;
    return row && { codeHash: row.code_hash, expiresAt: row.expires_at, tries: row.tries, lockedUntil: row.locked_until };
  }

  saveCode(addressHash: string, codeHash: string | null, expiresAt: number, tries: number, lockedUntil: number): void {
    this.sql(`INSERT INTO codes (address_hash, code_hash, expires_at, tries, locked_until) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (address_hash) DO UPDATE SET code_hash = excluded.code_hash, expires_at = excluded.expires_at, tries = excluded.tries, locked_until = excluded.locked_until`)
      .run(addressHash, codeHash, expiresAt, tries, lockedUntil);
  }

  session(idHash: string, now = Date.now()): { csrf: string; email: string | null } | undefined {
    const row = this.sql('SELECT csrf, email FROM sessions WHERE id_hash = ? AND expires_at > ?').get(idHash, now) as { csrf: string; email: string | null } | undefined;
    return row && { csrf: row.csrf, email: row.email };
  }

  saveSession(idHash: string, csrf: string, email: string | null, expiresAt: number): void {
    this.sql('INSERT OR REPLACE INTO sessions (id_hash, csrf, email, expires_at) VALUES (?, ?, ?, ?)').run(idHash, csrf, email, expiresAt);
  }

  deleteSession(idHash: string): void {
    this.sql('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  /** Drops expired sessions and spent codes whose lock has passed. */
  sweep(now = Date.now()): void {
    this.sql('DELETE FROM sessions WHERE expires_at <= ?').run(now);
    this.sql('DELETE FROM codes WHERE expires_at <= ? AND locked_until <= ?').run(now, now);
  }
}

/**
 * A copy of the gateway's database `database` at one moment, taken while the gateway runs
 * (SQLite's online backup, through node:sqlite), into `file`, which must not exist. The database
 * is only read: opened read-only, without the gateway's schema, and refused unless it holds submissions. The
 * copy is written beside `file` under a name of its own, checked (SQLite's integrity check, its
 * submissions counted), set to keep no journal files beside it, and only then linked to `file`,
 * which fails if anything (even a link) is there by then: a backup cut short never looks whole,
 * and none is ever written over. Returns how many submissions the copy holds.
 */
export async function backUp(database: string, file: string): Promise<number> {
  // Looked up when used: node:sqlite has it from Node.js 22.16, and the README allows 22.12 and later.
  if (typeof sqlite.backup !== 'function') throw new Error(`backing up needs Node.js 22.16 or later (this is ${process.version})`);
  if (!existsSync(database)) throw new Error(`there is no database at ${database}: set GATEWAY_DATABASE to the gateway's database file`);
  if (!existsSync(dirname(file))) throw new Error(`there is no folder ${dirname(file)}: make it first, or name a file in a folder that exists`);
  if (lstatSync(file, { throwIfNoEntry: false })) throw new Error(`${file} already exists: give a new file name, so no backup is written over`);
  const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
  // Read-only: a connection that could write would, on closing, fold a stopped gateway's WAL into the file.
  const source = new DatabaseSync(database, { readOnly: true });
  try {
    source.exec('PRAGMA busy_timeout = 5000');
    if (!source.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'submissions'`).get()) throw new Error(`${database} is not the gateway's database: it holds no submissions table`);
    // Every page in one step, under one read: copied a hundred pages at a time (the default), the copy starts
    // again whenever the gateway writes, and a gateway writing every few milliseconds keeps it copying for ever.
    await sqlite.backup(source, partial, { rate: 2 ** 31 - 1 });
    const copy = new DatabaseSync(partial);
    let count: number;
    try {
      copy.exec('PRAGMA journal_mode = DELETE');
      const check = copy.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
      if (check.length !== 1 || check[0].integrity_check !== 'ok') throw new Error(`the copy failed SQLite's integrity check: ${check.map((c) => c.integrity_check).join('; ').slice(0, 300)}`);
      count = (copy.prepare('SELECT count(*) AS count FROM submissions').get() as { count: number }).count;
    } finally {
      copy.close();
    }
    try {
      linkSync(partial, file);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new Error(code === 'EEXIST' ? `${file} appeared while the copy was made: give a new file name, so no backup is written over` : `the copy could not be given its name (${code ?? (error as Error).message})`);
    }
    return count;
  } finally {
    source.close();
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true });
  }
}
