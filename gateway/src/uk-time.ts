/**
 * Times as NHS staff read them, in the UK with summer time included: the gateway's messages and
 * its status page say "UK time", never the server's zone or UTC.
 */
const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
const dateAndClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'long', timeStyle: 'short' });

/** "21:44 UK time". */
export function ukTime(at: Date | number): string {
  return `${clock.format(at)} UK time`;
}

/** "4 December 2026 at 21:44 UK time". */
export function ukDateTime(at: Date | number): string {
  return `${dateAndClock.format(at)} UK time`;
}
