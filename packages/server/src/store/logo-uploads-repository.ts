import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { LogoType } from '../themes/theme.js';
import type { Database, LogoUploadsTable } from './schema.js';

/** An upload target handed to an application: one file, until it expires. */
export interface LogoUploadTarget {
  key: string;
  applicationId: string;
  logoType: LogoType;
  expiresAt: string;
  /** When a file arrived; `null` while the target is unused. */
  uploadedAt: string | null;
  byteSize: number | null;
  createdAt: string;
}

/** The outcome of claiming uploads: all of them, or none and the keys that could not be claimed. */
export type UploadClaim = { claimed: LogoUploadTarget[]; missing: [] } | { claimed: []; missing: string[] };

/** Logo upload targets in the database. */
export class LogoUploadsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(targets: readonly LogoUploadTarget[]): Promise<void> {
    if (targets.length > 0) await this.db.insertInto('logo_uploads').values(targets.map(toRow)).execute();
  }

  /**
   * Records that a file arrived for an unused target that has not expired by `now`. `false` when the
   * target is unknown, used or expired; the check and the write are one statement, so two uploads
   * racing for one target cannot both win.
   */
  async markUploaded(key: string, now: string, byteSize: number): Promise<boolean> {
    const result = await this.db
      .updateTable('logo_uploads')
      .set({ uploaded_at: now, byte_size: byteSize })
      .where('key', '=', key)
      .where('uploaded_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Undoes `markUploaded` when the file could not be stored, so the target can be used again. */
  async unmarkUploaded(key: string): Promise<void> {
    await this.db.updateTable('logo_uploads').set({ uploaded_at: null, byte_size: null }).where('key', '=', key).execute();
  }

  /** Those of `keys` that are the application's, hold a file, and have not expired by `now`. */
  async findUploaded(applicationId: string, keys: readonly string[], now: string): Promise<LogoUploadTarget[]> {
    return (await this.db.selectFrom('logo_uploads').selectAll().where(usable(applicationId, keys, now)).execute()).map(fromRow);
  }

  /**
   * Takes the uploads of `keys` out of the table in one transaction, if every one is still the
   * application's, holds a file and has not expired; otherwise takes none and says which are missing.
   * The delete itself says which it took, so of two claims racing for an upload (on PostgreSQL they run
   * at once) only one gets it.
   */
  async claimUploaded(applicationId: string, keys: readonly string[], now: string): Promise<UploadClaim> {
    try {
      return await this.db.transaction().execute(async (tx): Promise<UploadClaim> => {
        const rows = await tx.deleteFrom('logo_uploads').where(usable(applicationId, keys, now)).returningAll().execute();
        const found = new Set(rows.map((row) => row.key));
        const missing = keys.filter((key) => !found.has(key));
        if (missing.length > 0) throw new ClaimIncomplete(missing);
        return { claimed: rows.map(fromRow), missing: [] };
      });
    } catch (error) {
      if (error instanceof ClaimIncomplete) return { claimed: [], missing: error.missing };
      throw error;
    }
  }

  /** Targets that expired by `now`: none of them can be used or finalized any more. */
  async listExpired(now: string): Promise<LogoUploadTarget[]> {
    return (await this.db.selectFrom('logo_uploads').selectAll().where('expires_at', '<=', now).execute()).map(fromRow);
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.db.deleteFrom('logo_uploads').where('key', 'in', keys).execute();
  }
}

/** Thrown to roll a claim back: some of its uploads are not there to take. */
class ClaimIncomplete extends Error {
  constructor(readonly missing: string[]) {
    super(`uploads missing: ${missing.join(', ')}`);
  }
}

/** The uploads `findUploaded` finds and `claimUploaded` takes. */
function usable(applicationId: string, keys: readonly string[], now: string) {
  return (eb: ExpressionBuilder<Database, 'logo_uploads'>) =>
    eb.and([
      // `in ()` is not SQL; no key is the empty string.
      eb('key', 'in', keys.length > 0 ? keys : ['']),
      eb('application_id', '=', applicationId),
      eb('uploaded_at', 'is not', null),
      eb('expires_at', '>', now),
    ]);
}

function toRow(target: LogoUploadTarget): Selectable<LogoUploadsTable> {
  return {
    key: target.key,
    application_id: target.applicationId,
    logo_type: target.logoType,
    expires_at: target.expiresAt,
    uploaded_at: target.uploadedAt,
    byte_size: target.byteSize,
    created_at: target.createdAt,
  };
}

function fromRow(row: Selectable<LogoUploadsTable>): LogoUploadTarget {
  return {
    key: row.key,
    applicationId: row.application_id,
    logoType: row.logo_type,
    expiresAt: row.expires_at,
    uploadedAt: row.uploaded_at,
    byteSize: row.byte_size,
    createdAt: row.created_at,
  };
}
