/**
 * Sends plain-text emails for a script run by a workflow (the review reminders), through the SMTP
 * server at `REMINDER_SMTP_URL` (smtp://user:password@host:587, or smtps:// for TLS from the
 * start) from `REMINDER_FROM`. Each email is sent on its own, so one refused address does not stop
 * the rest; what went wrong is said without the server's address or password.
 */
import { createTransport } from 'nodemailer';
import { redact } from '../../src/lib/contribute/redact';

export interface Email {
  to: string;
  subject: string;
  text: string;
}

/** Sends each email; returns how many could not be sent, having said why for each. */
export async function sendEmails(emails: readonly Email[], smtpUrl: string, from: string, log: (line: string) => void): Promise<number> {
  let password: string;
  try {
    password = decodeURIComponent(new URL(smtpUrl).password);
  } catch {
    throw new Error('REMINDER_SMTP_URL is not an address like smtp://user:password@host:587: check the setting.');
  }
  const transport = createTransport(smtpUrl, { from });
  const secrets = [smtpUrl, password];
  let failed = 0;
  try {
    for (const email of emails) {
      try {
        // As an address object, never parsed as a list of addresses.
        await transport.sendMail({ from, to: { name: '', address: email.to }, subject: email.subject, text: email.text });
        log(`Emailed ${email.to}: ${email.subject}`);
      } catch (error) {
        failed++;
        log(`Could not email ${email.to}: ${redact((error as Error).message, { secrets })}`);
      }
    }
  } finally {
    transport.close();
  }
  return failed;
}
