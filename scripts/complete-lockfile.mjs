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

const knownOs = ['darwin', 'linux', 'win32', 'freebsd', 'android'];
const knownCpu = ['arm64', 'x64', 'ia32', 'arm', 'riscv64', 'ppc64', 's390x', 'wasm32'];

/**
 * os, cpu and libc (as lockfile arrays) from the platform suffix in a package name, e.g.
 * darwin-arm64, linux-x64-musl, linux-musl-riscv64. Fallback packages for platforms with no
 * build of their own (sass-embedded's "unknown-all": any CPU on an unknown OS; "all-unknown":
 * an unknown CPU on any OS) get negated lists, so npm skips them wherever a real build exists.
 * Undefined when the name says nothing about a platform.
 */
function platformOf(name) {
  const suffix = name.split('/').pop();
  if (suffix.endsWith('-unknown-all')) return { os: knownOs.map((o) => `!${o}`) };
  if (suffix.endsWith('-all-unknown')) return { cpu: knownCpu.map((c) => `!${c}`) };
  const parts = suffix.split('-');
  const os = parts.includes('windows') ? 'win32' : knownOs.find((o) => parts.includes(o));
  const cpu = knownCpu.find((c) => parts.slice(1).includes(c));
  if (!os && !cpu) return undefined;
  const libc = parts.includes('musl') ? 'musl' : parts.includes('gnu') ? 'glibc' : undefined;
  return { ...(os && { os: [os] }), ...(cpu && { cpu: [cpu] }), ...(libc && { libc: [libc] }) };
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
  const platform = platformOf(name);
  if (!platform) {
    // An entry without os or cpu would be installed everywhere, so it is never guessed.
    console.error(`${name}: its name names no platform; add its lock entry by hand from the registry's manifest`);
    process.exitCode = 1;
    continue;
  }
  const { os, cpu, libc } = platform;
  lock.packages[`node_modules/${name}`] = {
    version: parent.optionalDependencies[name],
    ...(cpu && { cpu }),
    ...(parent.dev && { dev: true }),
    ...(libc && { libc }),
    optional: true,
    ...(os && { os }),
  };
  added += 1;
  console.log(`added ${name}@${parent.optionalDependencies[name]} (${[os, cpu, libc].flat().filter(Boolean).join(', ')})`);
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
const left = missingFromLock();
console.log(left.length === 0 ? `lockfile complete (${added} entries added); npm ci will accept it` : `still missing: ${left.join(', ')}`);
if (left.length) process.exitCode = 1;
