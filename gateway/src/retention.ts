/**
 * Deletes personal data on a schedule: contributors' email addresses and names once a
 * submission is older than the retention period (default 90 days), expired sessions, and spent
 * sign-in codes. Runs at start and then every hour.
 */
import type { Store } from './store';

const hour = 3_600_000;

export function applyRetention(store: Store, retentionDays: number, now = Date.now()): number {
  store.sweep(now);
  return store.forgetPeople(now - retentionDays * 24 * hour);
}

export function startRetention(store: Store, retentionDays: number, log: { info(obj: object, msg: string): void }): { stop(): void } {
  const run = () => {
    const cleared = applyRetention(store, retentionDays);
    if (cleared) log.info({ cleared, retentionDays }, 'personal data past the retention period deleted');
  };
  run();
  const timer = setInterval(run, hour);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
