import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { EmailOutboxRepository, QueuedEmail } from '../store/email-outbox-repository.js';
import { retryDelayMs } from '../webhooks/retry-schedule.js';

export interface EmailWorkerOptions {
  /** `smtp://user:pass@host:port` or `smtps://…`. */
  smtpUrl: string;
  from: string;
  /** How often the outbox is read for emails that became due. */
  pollIntervalMs: number;
  /** How long one claim lasts: a worker that dies mid-send leaves its emails to others after this. */
  leaseMs?: number;
  /** How long one SMTP conversation may take. */
  timeoutMs?: number;
  /** In [0, 1): the jitter of retry waits; tests pin it. */
  random?: () => number;
}

interface Dependencies {
  emailOutbox: EmailOutboxRepository;
  clock: Clock;
  logger: Logger;
}

const BATCH = 20;

/**
 * Sends what the email outbox holds over SMTP, retrying failures with backoff until the email's day
 * is up. Every node may run one: each claims its emails in one statement before sending them (see
 * `EmailOutboxRepository.claimDue`), so none is sent twice at once; one cut short by a crash is sent
 * again after its claim lapses (at least once).
 */
export class EmailWorker {
  private readonly claimant = randomUUID();
  private readonly transport: Transporter;
  private readonly random: () => number;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly deps: Dependencies,
    private readonly options: EmailWorkerOptions,
  ) {
    const timeout = options.timeoutMs ?? 30_000;
    // The URL's own query may set these too (`?connectionTimeout=…`); every call that leaves the process has a timeout.
    const url = new URL(options.smtpUrl);
    for (const name of ['connectionTimeout', 'greetingTimeout', 'socketTimeout']) if (!url.searchParams.has(name)) url.searchParams.set(name, String(timeout));
    this.transport = nodemailer.createTransport(url.toString());
    this.random = options.random ?? Math.random;
  }

  start(): void {
    this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs).unref();
    this.wake();
  }

  /** Looks for due emails now (one was just queued) rather than at the next poll. */
  wake(): void {
    if (this.stopped || this.polling) return;
    this.polling = this.sendDue()
      .catch((error: Error) => this.deps.logger.error({ err: error }, 'reading the email outbox failed'))
      .finally(() => (this.polling = undefined));
  }

  /** Sends every email due now, once; for tests, which move their clock and call this instead of `start`. */
  async sendDue(): Promise<void> {
    const now = this.deps.clock.now();
    const leaseUntil = new Date(now.getTime() + (this.options.leaseMs ?? 120_000)).toISOString();
    const emails = await this.deps.emailOutbox.claimDue(this.claimant, now.toISOString(), leaseUntil, BATCH);
    for (const email of emails) await this.send(email);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.polling;
    this.transport.close();
  }

  private async send(email: QueuedEmail): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        ...(email.ics !== undefined
          ? {
              icalEvent: { filename: 'invite.ics', method: email.ics.includes('METHOD:CANCEL') ? 'CANCEL' : 'REQUEST', content: email.ics },
            }
          : {}),
      });
      await this.deps.emailOutbox.markSent(email.id, this.claimant, this.deps.clock.now().toISOString());
      this.deps.logger.info({ emailId: email.id, topic: email.topic }, 'email sent');
    } catch (error) {
      const now = this.deps.clock.now();
      const retryAt = new Date(now.getTime() + retryDelayMs(email.attempts + 1, this.random()));
      const giveUp = retryAt.toISOString() > email.giveUpAt;
      await this.deps.emailOutbox.markFailed(email.id, this.claimant, (error as Error).message, giveUp ? null : retryAt.toISOString());
      this.deps.logger.warn({ err: error, emailId: email.id, attempts: email.attempts + 1, giveUp }, 'sending an email failed');
    }
  }
}
