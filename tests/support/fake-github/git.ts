/**
 * A real bare Git repository on disk, driven with Git's plumbing commands, so the fake stores
 * exactly what GitHub would: blobs, trees and commits with real SHAs, and refs that point at them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  name: string;
}

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: string;
}

const identity = {
  GIT_AUTHOR_NAME: 'Fake GitHub',
  GIT_AUTHOR_EMAIL: 'fake@github.invalid',
  GIT_COMMITTER_NAME: 'Fake GitHub',
  GIT_COMMITTER_EMAIL: 'fake@github.invalid',
};

export class GitRepo {
  constructor(readonly dir: string) {}

  static init(dir: string, branch = 'main'): GitRepo {
    mkdirSync(dir, { recursive: true });
    execFileSync('git', ['init', '--quiet', '--bare', `--initial-branch=${branch}`, dir]);
    return new GitRepo(dir);
  }

  /** A fork starts as a copy of every branch of its parent. */
  static cloneBare(from: GitRepo, dir: string): GitRepo {
    execFileSync('git', ['clone', '--quiet', '--bare', from.dir, dir]);
    return new GitRepo(dir);
  }

  git(args: string[], input?: string | Buffer, env: Record<string, string> = {}): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      input,
      env: { ...process.env, ...identity, GIT_DIR: this.dir, ...env },
      maxBuffer: 64 * 1024 * 1024,
    }).toString('utf8');
  }

  exists(sha: string, type?: string): boolean {
    if (!/^[0-9a-f]{40}$/.test(sha)) return false;
    try {
      return !type || this.git(['cat-file', '-t', sha]).trim() === type;
    } catch {
      return false;
    }
  }

  writeBlob(content: Buffer): string {
    return this.git(['hash-object', '-w', '--stdin'], content).trim();
  }

  readBlob(sha: string): Buffer {
    return execFileSync('git', ['cat-file', 'blob', sha], { env: { ...process.env, GIT_DIR: this.dir } });
  }

  lsTree(tree: string): TreeEntry[] {
    const out = this.git(['ls-tree', '-z', tree]);
    return out
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta, name] = line.split('\t');
        const [mode, type, sha] = meta.split(' ');
        return { mode, type: type as TreeEntry['type'], sha, name };
      });
  }

  mktree(entries: TreeEntry[]): string {
    const input = entries.map((e) => `${e.mode} ${e.type} ${e.sha}\t${e.name}\0`).join('');
    return this.git(['mktree', '-z'], input).trim();
  }

  /**
   * A new tree: `base` with each path set to a blob (or removed, for null). Nested paths are
   * written bottom-up with mktree, one directory level at a time, as Git itself stores them.
   */
  writeTree(base: string | undefined, changes: Map<string, { mode: string; sha: string } | null>): string {
    const entries = new Map((base ? this.lsTree(base) : []).map((e) => [e.name, e]));
    const nested = new Map<string, Map<string, { mode: string; sha: string } | null>>();
    for (const [path, change] of changes) {
      const slash = path.indexOf('/');
      if (slash < 0) {
        if (change) entries.set(path, { mode: change.mode, type: 'blob', sha: change.sha, name: path });
        else entries.delete(path);
      } else {
        const dir = path.slice(0, slash);
        if (!nested.has(dir)) nested.set(dir, new Map());
        nested.get(dir)!.set(path.slice(slash + 1), change);
      }
    }
    for (const [dir, sub] of nested) {
      const existing = entries.get(dir);
      const tree = this.writeTree(existing?.type === 'tree' ? existing.sha : undefined, sub);
      if (this.lsTree(tree).length === 0) entries.delete(dir);
      else entries.set(dir, { mode: '040000', type: 'tree', sha: tree, name: dir });
    }
    return this.mktree([...entries.values()]);
  }

  commitTree(tree: string, parents: string[], message: string, author?: { name: string; email: string }): string {
    const env: Record<string, string> = author ? { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email } : {};
    return this.git(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'], message, env).trim();
  }

  readCommit(sha: string): CommitInfo {
    const raw = this.git(['cat-file', 'commit', sha]);
    const [head, ...rest] = raw.split('\n\n');
    const lines = head.split('\n');
    return {
      sha,
      tree: lines.find((l) => l.startsWith('tree '))!.slice(5),
      parents: lines.filter((l) => l.startsWith('parent ')).map((l) => l.slice(7)),
      author: lines.find((l) => l.startsWith('author '))?.slice(7) ?? '',
      message: rest.join('\n\n'),
    };
  }

  /** The commit a ref points to (e.g. "heads/main"), or undefined. */
  ref(ref: string): string | undefined {
    try {
      return this.git(['rev-parse', '--verify', '--quiet', `refs/${ref}^{commit}`]).trim() || undefined;
    } catch {
      return undefined;
    }
  }

  refs(prefix = 'heads/'): string[] {
    return this.git(['for-each-ref', '--format=%(refname)', `refs/${prefix}`])
      .split('\n')
      .filter(Boolean)
      .map((r) => r.replace(/^refs\//, ''));
  }

  updateRef(ref: string, sha: string): void {
    this.git(['update-ref', `refs/${ref}`, sha]);
  }

  deleteRef(ref: string): void {
    this.git(['update-ref', '-d', `refs/${ref}`]);
  }

  isAncestor(ancestor: string, descendant: string): boolean {
    try {
      this.git(['merge-base', '--is-ancestor', ancestor, descendant]);
      return true;
    } catch {
      return false;
    }
  }

  /** Copies a branch's objects from another repository (as a fork's network shares objects). */
  fetchFrom(other: GitRepo, branch: string): string {
    this.git(['fetch', '--quiet', other.dir, `refs/heads/${branch}`]);
    return this.git(['rev-parse', 'FETCH_HEAD']).trim();
  }

  /** The file at `path` in a commit, or undefined. */
  fileAt(commit: string, path: string): Buffer | undefined {
    try {
      const sha = this.git(['rev-parse', '--verify', '--quiet', `${commit}:${path}`]).trim();
      return sha ? this.readBlob(sha) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Every file path in a commit. */
  files(commit: string): string[] {
    return this.git(['ls-tree', '-r', '-z', '--name-only', commit]).split('\0').filter(Boolean);
  }

  /** Commits a set of files on top of a branch (used by tests to set up and move `main`). */
  commitFiles(branch: string, files: Record<string, string | Buffer | null>, message: string): string {
    const parent = this.ref(`heads/${branch}`);
    const base = parent ? this.readCommit(parent).tree : undefined;
    const changes = new Map(Object.entries(files).map(([path, content]) => [path, content === null ? null : { mode: '100644', sha: this.writeBlob(Buffer.from(content)) }]));
    const tree = this.writeTree(base, changes);
    const sha = this.commitTree(tree, parent ? [parent] : [], message);
    this.updateRef(`heads/${branch}`, sha);
    return sha;
  }
}
