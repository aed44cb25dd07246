/**
 * gateway/Dockerfile cannot be built here (no Docker engine), so these read it and check it
 * agrees with the repository: what it copies exists and is sent by its .dockerignore, every file
 * the gateway loads at run time is inside what it copies, its command starts what `npm run
 * gateway` starts, it runs as a non-root user, and it exposes the port the settings default to.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../gateway/src/config';
import { projectRoot } from '../support/fake-github/run-script';

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** The Dockerfile's instructions, with continuation lines joined and comments dropped. */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending: Instruction | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) return;
    if (pending) pending.args += ` ${line.replace(/\\$/, '').trim()}`;
    else {
      const [, keyword, args] = line.match(/^(\w+)\s*(.*)$/) ?? [];
      if (!keyword) throw new Error(`gateway/Dockerfile line ${i + 1} is not an instruction: ${line}`);
      pending = { keyword: keyword.toUpperCase(), args: args.replace(/\\$/, '').trim(), line: i + 1 };
    }
    if (!line.endsWith('\\')) {
      out.push(pending!);
      pending = undefined;
    }
  });
  return out;
}

const dockerfile = instructions(readFileSync(join(projectRoot, 'gateway/Dockerfile'), 'utf8'));
const all = (keyword: string) => dockerfile.filter((i) => i.keyword === keyword);
const last = (keyword: string) => all(keyword).at(-1);
/** An exec-form (JSON array) argument list. */
const execForm = (i: Instruction) => JSON.parse(i.args) as string[];
/** COPY's sources from the build context (not `--from` another stage), relative to the repository root. */
const copied = all('COPY')
  .filter((i) => !/--from=/.test(i.args))
  .flatMap((i) => i.args.split(/\s+/).filter((a) => !a.startsWith('--')).slice(0, -1));
const env = Object.fromEntries(all('ENV').flatMap((i) => [...i.args.matchAll(/(\w+)=(\S+)/g)].map(([, k, v]) => [k, v])));

/** Whether .dockerignore (everything left out, then `!` patterns sent) sends the path. */
function sent(path: string): boolean {
  const rules = readFileSync(join(projectRoot, 'gateway/Dockerfile.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  let included = true;
  for (const rule of rules) {
    const negated = rule.startsWith('!');
    const pattern = negated ? rule.slice(1) : rule;
    const regex = new RegExp(`^${pattern.split('**').map((part) => part.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('.*')}$`);
    if (regex.test(path)) included = negated;
  }
  return included;
}

/** Relative module specifiers a file loads at run time (type-only imports are erased, so left out). */
function runtimeImports(source: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\s+(?!type\s)[^'"]*?\sfrom\s+'(\.{1,2}\/[^']+)'/gm,
    /^\s*import\s+'(\.{1,2}\/[^']+)'/gm,
    /\bimport\(\s*'(\.{1,2}\/[^']+)'\s*\)/g,
    /\btsImport\(\s*'(\.{1,2}\/[^']+)'/g,
    /new URL\(\s*'(\.{1,2}\/[^']+)',\s*import\.meta\.url\s*\)/g,
  ];
  return patterns.flatMap((p) => [...source.matchAll(p)].map((m) => m[1]));
}

/** The file a specifier names, as tsx resolves it (extensionless, or a folder's index). */
function resolveModule(from: string, specifier: string): string | undefined {
  const base = join(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.mjs`, `${base}.js`, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
}

/** Every repository file reachable from the entry point through relative imports. */
function moduleGraph(entry: string): { files: Set<string>; unresolved: string[] } {
  const files = new Set<string>();
  const unresolved: string[] = [];
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of runtimeImports(readFileSync(file, 'utf8'))) {
      const target = resolveModule(file, specifier);
      if (target) visit(target);
      else unresolved.push(`${relative(projectRoot, file)} imports ${specifier}`);
    }
  };
  visit(join(projectRoot, entry));
  return { files, unresolved };
}

describe('gateway/Dockerfile (read, not built: there is no Docker engine here)', () => {
  it('copies only paths that exist in the repository and that its .dockerignore sends', () => {
    expect(copied.length).toBeGreaterThan(0);
    for (const source of copied) {
      expect(existsSync(join(projectRoot, source)), `COPY ${source}: no such path in the repository`).toBe(true);
      const probe = statSync(join(projectRoot, source)).isDirectory() ? `${source}/x.ts` : source;
      expect(sent(probe), `COPY ${source}: gateway/Dockerfile.dockerignore leaves it out; add !${source}${probe === source ? '' : '/**'}`).toBe(true);
    }
  });

  it('starts the file `npm run gateway` starts, as a plain node process under tsx', () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const script = pkg.scripts.gateway;
    expect(script, 'package.json has no "gateway" script').toBeDefined();
    const entry = script.match(/^tsx (\S+\.ts)$/)?.[1];
    expect(entry, `the "gateway" script is "${script}"; this test expects "tsx <file>.ts"`).toBeDefined();
    const cmd = execForm(last('CMD')!);
    expect(cmd).toEqual(['node', '--import', 'tsx', entry]);
  });

  it('copies every file the gateway loads at run time, following its imports from the entry point', () => {
    const entry = execForm(last('CMD')!).at(-1)!;
    const { files, unresolved } = moduleGraph(entry);
    expect(unresolved).toEqual([]);
    expect(files.size).toBeGreaterThan(20);
    const outside = [...files].map((f) => relative(projectRoot, f)).filter((f) => !copied.some((c) => f === c || f.startsWith(`${c}/`)));
    expect(outside, 'files the gateway imports that the image does not COPY: add a COPY line and a ! line in Dockerfile.dockerignore').toEqual([]);
  });

  it('installs the tsx the lockfile pins, which the command and the check threads load', () => {
    const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
    const installed = all('RUN').map((i) => i.args.match(/\btsx@(\S+)/)?.[1]).find(Boolean);
    expect(installed).toBe(lock.packages['node_modules/tsx'].version);
  });

  it('runs as a non-root user, from the node image the README names', () => {
    expect(last('FROM')!.args).toMatch(/^node:24-slim\b/);
    const user = last('USER');
    expect(user, 'no USER instruction: the gateway would run as root').toBeDefined();
    expect(user!.args).not.toMatch(/^(root|0)(:|$)/);
    const cmd = last('CMD')!;
    expect(user!.line).toBeLessThan(cmd.line);
  });

  it('listens on all interfaces at the port the settings default to, and exposes and health-checks that port', () => {
    const defaultPort = settingsFromEnv({
      GATEWAY_SITE_ORIGIN: 'https://blueprints.example.nhs.uk', GATEWAY_SECRET: 'a'.repeat(32), GATEWAY_MAIL: 'terminal',
      GITHUB_REPOSITORY: 'o/r', GITHUB_APP_ID: '1', GITHUB_APP_INSTALLATION_ID: '1', GITHUB_APP_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nx\\n-----END PRIVATE KEY-----',
    }).port;
    expect(all('EXPOSE').map((i) => i.args)).toEqual([String(defaultPort)]);
    expect(env.GATEWAY_PORT ?? String(defaultPort)).toBe(String(defaultPort));
    expect(env.GATEWAY_HOST).toBe('0.0.0.0');
    expect(last('HEALTHCHECK')!.args).toContain(`:${defaultPort}/healthz`);
  });
});
