/**
 * Email to contributors: the sign-in code, and the link to their pull request. Sent over SMTP
 * with nodemailer; the demo prints messages to the terminal instead. Message bodies are never
 * logged: the code in one is a password.
 */
import { createTransport } from 'nodemailer';
import type { Settings } from './config';
import { becomesIssue, kindNames, type SubmissionKind } from './store';

export interface Message {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: Message): Promise<void>;
  close(): void;
}

export function createMailer(settings: Settings['mail'], print: (text: string) => void = (text) => process.stdout.write(text)): Mailer {
  if (settings.kind === 'terminal') {
    return {
      async send(message) {
        print(`\n--- email to ${message.to}: ${message.subject} ---\n${message.text}\n---\n`);
      },
      close() {},
    };
  }
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message) {
      await transport.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}

export function codeMessage(to: string, code: string, minutes: number): Message {
  return {
    to,
    subject: `Your Blueprint Commons sign-in code: ${code}`,
    text: [
      `Your sign-in code is ${code}`,
      '',
      `Type it into the page where you asked for it. It works once, for ${minutes} minutes.`,
      'If you did not ask for a code, you can ignore this email: nobody can sign in without it.',
    ].join('\n'),
  };
}

export function sentMessage(to: string, pull: { kind: SubmissionKind; url: string; updated: boolean }, statusUrl: string): Message {
  const what = kindNames[pull.kind].noun;
  const opening = becomesIssue(pull.kind)
    ? (pull.updated
      ? `Your changes to your ${what} on Blueprint Commons are now in the issue on GitHub:`
      : `Thank you. Your ${what} for Blueprint Commons is now an issue on GitHub, where the site team reads it and replies:`)
    : (pull.updated
      ? `Your changes to your ${what} on Blueprint Commons are now in the proposed change (a "pull request" on GitHub):`
      : `Thank you. Your ${what} for Blueprint Commons is now a proposed change (a "pull request" on GitHub), where the site team reviews it before it is published:`);
  return {
    to,
    subject: pull.updated ? `Blueprint Commons: your ${what} was updated` : `Blueprint Commons: your ${what} has reached the site team`,
    text: [
      opening,
      pull.url,
      '',
      `You can see where it has got to here, without a GitHub account: ${statusUrl}`,
      'Your email address is not shown on GitHub. If the site team has questions, the people who run this sending service can pass them on to you at this address.',
    ].join('\n'),
  };
}
