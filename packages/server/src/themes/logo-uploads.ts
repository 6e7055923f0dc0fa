import type { Logger } from 'pino';
import { isoTimestamp, MINUTE_MS, type Clock } from '../clock.js';
import type { LogoUploadsRepository, LogoUploadTarget } from '../store/logo-uploads-repository.js';
import { newUploadKey } from './logo-keys.js';
import type { LogoStorage } from './logo-storage.js';
import type { LogoUploadPolicy } from './logo-upload-policy.js';
import { LogoUploadRefusal } from './logo-upload-refusal.js';
import { LOGO_TYPES, type LogoType } from './theme.js';

/** How long an upload target can be used, and its file kept unless finalized. */
export const UPLOAD_TARGET_LIFETIME_MS = 60 * MINUTE_MS;

export interface LogoUploadsDeps {
  logoUploads: LogoUploadsRepository;
  logoStorage: LogoStorage;
  logoUploadPolicy: LogoUploadPolicy;
  clock: Clock;
  logger: Logger;
}

/** One upload target: the form fields a client posts, in order, before the file. */
export interface IssuedUploadTarget {
  logoType: LogoType;
  fields: Record<string, string>;
}

/** A form posted to the upload target. */
export interface ReceivedUpload {
  /** The fields that came before the file, keyed by lower-cased name. */
  fields: ReadonlyMap<string, string>;
  /** `truncated` when the file was cut off at the reading limit: it is too large, whatever its size. */
  file: { bytes: Buffer; truncated: boolean } | undefined;
}

/**
 * The first two steps of putting logos on a theme: hand an application one upload target per logo
 * type, then take one file on each. Targets that expire unused go, with any file they took.
 */
export class LogoUploads {
  constructor(private readonly deps: LogoUploadsDeps) {}

  async issueTargets(applicationId: string): Promise<IssuedUploadTarget[]> {
    await this.sweepExpired();
    const now = this.deps.clock.now();
    const expiresAt = new Date(now.getTime() + UPLOAD_TARGET_LIFETIME_MS);
    const uploads = LOGO_TYPES.map(newUploadKey);
    await this.deps.logoUploads.insert(
      uploads.map((upload): LogoUploadTarget => ({
        key: upload.key,
        applicationId,
        logoType: upload.logoType,
        expiresAt: isoTimestamp(expiresAt),
        uploadedAt: null,
        byteSize: null,
        createdAt: isoTimestamp(now),
      })),
    );
    return uploads.map((upload) => ({ logoType: upload.logoType, fields: this.deps.logoUploadPolicy.fieldsFor(upload, now, expiresAt) }));
  }

  /** Stores the file of a form whose policy verifies, on a target that is still unused. */
  async receive(upload: ReceivedUpload): Promise<void> {
    const now = this.deps.clock.now();
    const allowed = this.deps.logoUploadPolicy.verify(upload.fields, now);
    if (!upload.file) throw LogoUploadRefusal.fileCount();
    const { bytes, truncated } = upload.file;
    if (truncated || bytes.length > allowed.maxBytes) throw LogoUploadRefusal.tooLarge(allowed.maxBytes);
    if (bytes.length < allowed.minBytes) throw LogoUploadRefusal.tooSmall();
    if (!(await this.deps.logoUploads.markUploaded(allowed.key, isoTimestamp(now), bytes.length))) throw LogoUploadRefusal.targetUnusable();
    try {
      await this.deps.logoStorage.put(allowed.key, bytes);
    } catch (error) {
      await this.deps.logoUploads.unmarkUploaded(allowed.key);
      throw error;
    }
  }

  /**
   * Deletes the targets that expired without being finalized, and their files. Files go first, so a
   * failure leaves the rows to try again with.
   */
  async sweepExpired(): Promise<void> {
    const expired = await this.deps.logoUploads.listExpired(isoTimestamp(this.deps.clock.now()));
    if (expired.length === 0) return;
    for (const target of expired) await this.deps.logoStorage.delete(target.key);
    await this.deps.logoUploads.delete(expired.map((target) => target.key));
    this.deps.logger.debug({ targets: expired.length }, 'expired logo upload targets removed');
  }
}
