export { type FakeApp, type FakeInstallation, type IssuedToken, verifyAppJwt } from './apps';
export { FakeGitHub, startFakeGitHub, secondaryRateLimitMessage, type Fault, type FakeIssue, type FakeRepo, type RecordedRequest } from './server';
export { GitRepo } from './git';
export { projectRoot, runScript, type ScriptResult } from './run-script';
export { runIssueBot, type IssueBotRun } from './issue-bot';
