/**
 * Runs one of our scripts as a real child process, the way `npx tsx scripts/<name>.ts` does,
 * pointed at a fake GitHub. It starts Node with tsx's loader directly (`node --import tsx`),
 * which is what the tsx command does after npx finds it, minus two extra processes per run.
 * Asynchronous, so the fake (in the test's own process) can answer while the script runs.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for assertions about what the person sees. */
  output: string;
}

export function runScript(script: string, args: string[], env: Record<string, string | undefined> = {}, options: { cwd?: string; timeoutMs?: number } = {}): Promise<ScriptResult> {
  // Start from a clean environment so a developer's own token or CI variables never leak in.
  const base: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT', 'npm_config_cache']) if (process.env[key]) base[key] = process.env[key]!;
  const merged = { ...base, NO_COLOR: '1', CONTRIBUTE_RETRY_BASE_MS: '5', ...env };
  const cleaned = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `scripts/${script}`, ...args],
      { cwd: options.cwd ?? projectRoot, env: cleaned, timeout: options.timeoutMs ?? 45_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` });
      },
    );
  });
}
