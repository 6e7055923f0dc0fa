import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { EmailOutboxRepository } from '../store/email-outbox-repository.js';
import type { Store } from '../store/database.js';
import { EmailWorker } from './email-worker.js';

/**
 * Starts sending the email outbox when `PARLEY_SMTP_URL` is set; without it, says at start-up that
 * emails are off (and nothing is queued: see `WebinarEmails`). Returns the worker, to stop it.
 */
export function startEmailDelivery(deps: { config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'webhookPollIntervalMs'>; store: Store; clock: Clock; logger: Logger }): EmailWorker | undefined {
  const { config, logger } = deps;
  if (config.smtpUrl === '') {
    logger.info('emails are off: set PARLEY_SMTP_URL (and PARLEY_MAIL_FROM) to send webinar confirmations and invitations');
    return undefined;
  }
  const worker = new EmailWorker({ emailOutbox: new EmailOutboxRepository(deps.store.db), clock: deps.clock, logger }, { smtpUrl: config.smtpUrl, from: config.mailFrom, pollIntervalMs: config.webhookPollIntervalMs });
  worker.start();
  logger.info({ smtp: new URL(config.smtpUrl).host, from: config.mailFrom }, 'emails are on');
  return worker;
}
