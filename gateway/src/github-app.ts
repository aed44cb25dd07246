/**
 * Talks to GitHub as a GitHub App: the App's JWT (signed with its private key) is exchanged for
 * an installation token limited to the one repository and to `contents: write` and
 * `pull_requests: write` (or, to send feedback, `issues: write` alone), whatever else the
 * installation allows. @octokit/auth-app makes the
 * JWT, caches the token and asks for a new one before it expires
 * (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/authenticating-as-a-github-app-installation).
 * Requests then go through the project's one client (retries, throttling, a deadline).
 */
import { createAppAuth } from '@octokit/auth-app';
import { request } from '@octokit/request';
// Loaded with the gateway, not on the first send: the client loads Octokit when it is first asked
// for one (right for the command-line tools), which here would hold up for tens of milliseconds
// every submission being answered at that moment.
import 'octokit';
import type { Settings } from './config';
import { ContributionError, createClient, statusOf, type Client } from './content';

export const appPermissions = { contents: 'write', pull_requests: 'write' } as const;
/** What feedback needs, and all its token gets: opening and updating issues. */
export const issuePermissions = { issues: 'write' } as const;

export interface GitHubConnection {
  /** A client for one submission's work, with a current installation token (for pull requests unless told otherwise). */
  client(log: (line: string) => void, permissions?: Record<string, 'read' | 'write'>): Promise<Client>;
}

export function connectApp(github: Settings['github'], options: { retryBaseMs: number; deadlineMs?: number }): GitHubConnection {
  const auth = createAppAuth({
    appId: github.appId,
    privateKey: github.privateKey,
    installationId: github.installationId,
    request: request.defaults({ baseUrl: github.apiUrl }),
  });
  return {
    async client(log, permissions = appPermissions) {
      const { token } = await auth({ type: 'installation', repositoryNames: [github.repo], permissions: { ...permissions } }).catch((error: unknown) => {
        // GitHub answers 422 when the installation was not granted what the token asks for.
        if (statusOf(error) !== 422) throw error;
        const asked = Object.entries(permissions).map(([name, level]) => `${name}: ${level}`).join(', ');
        throw new ContributionError(`The GitHub App's installation does not grant ${asked}: add it in the App's permissions (gateway/README.md), accept the change on the installation, then retry`);
      });
      return createClient({ token, baseUrl: github.apiUrl, retryBaseMs: options.retryBaseMs, deadlineMs: options.deadlineMs ?? 120_000, maxRetries: 3 }, log);
    },
  };
}
