import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import { loadServerKey, purposeKey } from '../identity/server-keys.js';
import type { Database } from '../store/schema.js';

/** A link is good for an hour, as Vonage's pre-signed S3 links were: long enough to start a download. */
export const RECORDING_DOWNLOAD_LINK_LIFETIME_MS = 60 * 60_000;

/** Where a recording's file is served, under the public URL: the download route's path. */
export const RECORDING_DOWNLOAD_ROUTE = '/recordings/:recording_id/download';

function recordingDownloadPath(recordingId: string): string {
  return RECORDING_DOWNLOAD_ROUTE.replace(':recording_id', encodeURIComponent(recordingId));
}

/**
 * Download links of recordings: `<public URL>/recordings/<id>/download?expires=<epoch seconds>&signature=…`,
 * the signature an HMAC-SHA256 over the id and the expiry with a key derived from the server key. The
 * link itself is the credential (a browser or a video player follows it without any token), so it
 * names one recording and stops working when it expires.
 */
export class RecordingDownloadLinks {
  private constructor(
    private readonly key: Uint8Array,
    private readonly publicUrl: string,
    private readonly clock: Clock,
  ) {}

  static async load(db: Kysely<Database>, publicUrl: string, clock: Clock): Promise<RecordingDownloadLinks> {
    const serverKey = await loadServerKey(db, () => clock.now());
    return new RecordingDownloadLinks(purposeKey(serverKey, 'recording download links'), publicUrl, clock);
  }

  /** A fresh link, valid for `RECORDING_DOWNLOAD_LINK_LIFETIME_MS` from now. */
  linkTo(recordingId: string): string {
    const expires = Math.floor((this.clock.now().getTime() + RECORDING_DOWNLOAD_LINK_LIFETIME_MS) / 1000);
    const query = new URLSearchParams({ expires: String(expires), signature: this.signature(recordingId, expires) });
    return `${this.publicUrl}${recordingDownloadPath(recordingId)}?${query.toString()}`;
  }

  /** Refuses (403) a link that was not signed here for this recording, or that has expired. */
  verify(recordingId: string, expires: string | undefined, signature: string | undefined): void {
    if (expires === undefined || signature === undefined || !/^\d{1,12}$/.test(expires)) {
      throw ParleyError.forbidden('This download link is not valid');
    }
    const expected = Buffer.from(this.signature(recordingId, Number(expires)));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw ParleyError.forbidden('This download link is not valid');
    }
    if (Number(expires) * 1000 <= this.clock.now().getTime()) {
      throw ParleyError.forbidden('This download link has expired: ask the API for the recording again to get a new one');
    }
  }

  private signature(recordingId: string, expires: number): string {
    // A separator that cannot occur in the decimal expiry keeps (id, expiry) pairs unambiguous.
    return createHmac('sha256', this.key).update(`${recordingId}\n${expires}`).digest('base64url');
  }
}
