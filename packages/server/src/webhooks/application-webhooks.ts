import type { Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { WebhookSecrets, WebhookSettingsRepository, WebhookUrls } from '../store/webhook-settings-repository.js';

/** After a rotation the old secret signs beside the new one this long, so receivers can switch over without refusing deliveries. */
export const WEBHOOK_SECRET_GRACE_MS = 24 * 60 * 60_000;

/** Where an application's events go when a room names no callback URL, and what signs them. */
export class ApplicationWebhooks {
  constructor(private readonly deps: { webhookSettings: WebhookSettingsRepository; clock: Clock }) {}

  async urls(applicationId: string): Promise<WebhookUrls> {
    const urls = await this.deps.webhookSettings.urls(applicationId);
    if (!urls) throw ParleyError.notFound(`Application ${applicationId} was not found`);
    return urls;
  }

  /** Sets the receivers given (null removes one); each must be an absolute http(s) URL. */
  async setUrls(applicationId: string, changes: Partial<WebhookUrls>): Promise<WebhookUrls> {
    for (const [eventClass, url] of Object.entries(changes)) {
      if (url !== null && url !== undefined && !isHttpUrl(url)) throw ParleyError.validation(`The ${eventClass} webhook URL must be an absolute http or https URL`);
    }
    await this.deps.webhookSettings.setUrls(applicationId, changes);
    return this.urls(applicationId);
  }

  async secrets(applicationId: string): Promise<WebhookSecrets> {
    const secrets = await this.deps.webhookSettings.secrets(applicationId, this.deps.clock.now().toISOString());
    if (!secrets) throw ParleyError.notFound(`Application ${applicationId} was not found`);
    return secrets;
  }

  /** A new secret from now on; the old one keeps signing too for `WEBHOOK_SECRET_GRACE_MS`. */
  async rotateSecret(applicationId: string): Promise<WebhookSecrets> {
    const until = new Date(this.deps.clock.now().getTime() + WEBHOOK_SECRET_GRACE_MS).toISOString();
    await this.deps.webhookSettings.rotateSecret(applicationId, until);
    return this.secrets(applicationId);
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
