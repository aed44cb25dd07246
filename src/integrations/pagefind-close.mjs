/**
 * Stops Pagefind's service and waits, at most two seconds, until its process has exited and been
 * reaped. Pagefind's own close() only signals the process, so a build could end first and leave
 * it behind; its CPU time (about a sixth of a build's at 1,000 blueprints) was then missing from what
 * the build's parent, or `time`, counted for the build. Plain JavaScript, so the benchmark's floor
 * (scripts/bench/baseline) closes Pagefind the same way and both builds are counted alike.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { close } from 'pagefind';

/** A file's text, or '' when there is no /proc here or the process has just gone. */
function read(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** This process's child processes running Pagefind's binary, zombies included (Linux; none found elsewhere). */
export function pagefindProcesses() {
  let tasks = [];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return [];
  }
  const children = tasks.flatMap((task) => read(`/proc/self/task/${task}/children`).split(' ').filter(Boolean));
  return children.filter((pid) => read(`/proc/${pid}/comm`).startsWith('pagefind'));
}

/** @returns {Promise<void>} */
export async function closePagefind() {
  const running = pagefindProcesses();
  await close();
  const deadline = Date.now() + 2000;
  while (running.length > 0 && Date.now() < deadline) {
    const left = new Set(pagefindProcesses());
    if (!running.some((pid) => left.has(pid))) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
