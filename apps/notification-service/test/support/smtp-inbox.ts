import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope's recipients, as the sending server gave them in RCPT TO. */
  rcptTo: string[];
  mail: ParsedMail;
}

/**
 * A real SMTP server (the smtp-server package) on a loopback port, keeping every message it
 * accepts, parsed by mailparser. Addresses starting with `refused` are refused for good (550),
 * as a receiving server does for a mailbox that does not exist.
 */
export class SmtpInbox {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;

  constructor(readonly port: number) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        if (!address.address.startsWith('refused')) return callback();
        callback(Object.assign(new Error('5.1.1 No such mailbox here'), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            this.received.push({ rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /** Stops listening: senders now get "connection refused", as when the mail server is down. */
  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((received) => received.rcptTo.includes(address));
  }
}
