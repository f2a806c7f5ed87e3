import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/**
 * A real SMTP server in this process (STARTTLS offered with a self-signed certificate, so point
 * nodemailer at it with `?ignoreTLS=true`); every message it accepts lands in `inbox`. Recipients
 * starting with "bounce" are refused with 550, to test delivery failures.
 */
export async function startSmtp() {
  const inbox: ReceivedMail[] = [];
  let waiters: Array<{ isFor: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH'],
    logger: false,
    onRcptTo(address, _session, done) {
      if (address.address.startsWith('bounce')) return done(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      done();
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') };
        inbox.push(mail);
        const ready = waiters.filter((w) => w.isFor(mail));
        waiters = waiters.filter((w) => !w.isFor(mail));
        ready.forEach((w) => w.resolve(mail));
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  /** The first message to `address` (any case) accepted after the inbox held `after` messages. */
  const mailTo = (address: string, after: number) =>
    new Promise<ReceivedMail>((resolve) => {
      const isFor = (m: ReceivedMail) => m.to.some((t) => t.toLowerCase() === address.toLowerCase());
      const found = inbox.slice(after).find(isFor);
      if (found) return resolve(found);
      waiters.push({ isFor, resolve });
    });
  return { port, inbox, mailTo, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type TestSmtp = Awaited<ReturnType<typeof startSmtp>>;
