#!/usr/bin/env node
/**
 * node scripts/complete-lockfile.mjs
 *
 * Run after `npm install` changes package-lock.json. Some registries (including the mirror this
 * project is developed against) do not carry every platform's build of packages that ship native
 * binaries as optional dependencies (Pagefind, Astro's compiler). npm then leaves those platforms
 * out of the lockfile, and `npm ci` refuses the lockfile ("Missing: … from lock file") on every
 * machine. This adds a lock entry for each missing platform package, with the exact version its
 * parent asks for and the os/cpu that make npm skip it on other platforms. It changes nothing else.
 * See https://github.com/npm/cli/issues/8320 for the npm side of the problem.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = 'package-lock.json';

/** os, cpu and libc from the platform suffix in a package name, e.g. darwin-arm64, linux-x64-musl. */
function platformOf(name) {
  const suffix = name.split('/').pop();
  const os = ['darwin', 'linux', 'win32', 'freebsd', 'android'].find((o) => suffix.includes(o)) ?? (suffix.includes('windows') ? 'win32' : undefined);
  const cpu = ['arm64', 'x64', 'ia32', 'arm', 'wasm32'].find((c) => new RegExp(`(^|-)${c}(-|$)`).test(suffix.replace(/^.*?-(?=(darwin|linux|win32|windows|freebsd|android|wasm32))/, '')));
  const libc = suffix.endsWith('-musl') ? 'musl' : suffix.endsWith('-gnu') ? 'glibc' : undefined;
  return { os, cpu, libc };
}

function missingFromLock() {
  try {
    execFileSync('npm', ['ci', '--dry-run', '--ignore-scripts'], { stdio: 'pipe', encoding: 'utf8' });
    return [];
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    return [...output.matchAll(/Missing: (@?[^@\s]+)@\S* from lock file/g)].map((m) => m[1]);
  }
}

const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const missing = missingFromLock();
let added = 0;
for (const name of missing) {
  const parent = Object.values(lock.packages).find((p) => p.optionalDependencies?.[name]);
  if (!parent) {
    console.error(`${name}: no package in the lockfile lists it as optional; run npm install and try again`);
    process.exitCode = 1;
    continue;
  }
  const { os, cpu, libc } = platformOf(name);
  lock.packages[`node_modules/${name}`] = {
    version: parent.optionalDependencies[name],
    ...(cpu && { cpu: [cpu] }),
    ...(parent.dev && { dev: true }),
    ...(libc && { libc: [libc] }),
    optional: true,
    ...(os && { os: [os] }),
  };
  added += 1;
  console.log(`added ${name}@${parent.optionalDependencies[name]} (${[os, cpu, libc].filter(Boolean).join(', ')})`);
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
const left = missingFromLock();
console.log(left.length === 0 ? `lockfile complete (${added} entries added); npm ci will accept it` : `still missing: ${left.join(', ')}`);
if (left.length) process.exitCode = 1;
