import type { Logger } from 'pino';
import { isoTimestamp, type Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { LogoUploadsRepository, LogoUploadTarget } from '../store/logo-uploads-repository.js';
import type { ThemesRepository } from '../store/themes-repository.js';
import { finalizedLogoKey, parseUploadKey } from './logo-keys.js';
import type { LogoStorage } from './logo-storage.js';
import { logoProblem, type LogoProblem } from './logo-validation.js';
import type { LogoType, Theme, ThemeLogos } from './theme.js';

export interface LogoFinalizationDeps {
  themes: ThemesRepository;
  logoUploads: LogoUploadsRepository;
  logoStorage: LogoStorage;
  clock: Clock;
  logger: Logger;
}

/** Why one key could not be finalized, in the words of Vonage's `errors` entries. */
export type LogoKeyError =
  | { logoKey: string; code: 'key_not_found' }
  | { logoKey: string; code: 'invalid_logo_properties'; invalidProperty: LogoProblem };

const FINALIZE_REFUSED = 'could not finalize logos';

/** An upload checked and ready to become one of the theme's logos. */
interface AcceptedUpload {
  key: string;
  logoType: LogoType;
  permanentKey: string;
}

/**
 * The last step of putting logos on a theme: uploads the application made become the theme's logos,
 * all or none. Every key must be an upload of the caller's that has not expired, and every file must
 * meet Vonage's logo requirements; otherwise nothing changes and each failing key is named.
 */
export class LogoFinalization {
  constructor(private readonly deps: LogoFinalizationDeps) {}

  async finalize(applicationId: string, themeId: string, keys: readonly string[]): Promise<Theme> {
    const theme = await this.deps.themes.findById(themeId);
    if (!theme || theme.applicationId !== applicationId) throw ParleyError.notFound(`could not find theme ${themeId}`);
    requireOneKeyPerLogoType(keys);
    const now = isoTimestamp(this.deps.clock.now());
    const accepted = await this.check(theme, await this.deps.logoUploads.findUploaded(applicationId, keys, now), keys);

    // Taking the uploads out of the table is what makes a key usable once, even by concurrent calls.
    const claim = await this.deps.logoUploads.claimUploaded(applicationId, keys, now);
    if (claim.missing.length > 0) throw refused(claim.missing.map((logoKey) => ({ logoKey, code: 'key_not_found' })));
    await this.moveToPermanentKeys(accepted, claim.claimed);

    const logos: Partial<ThemeLogos> = Object.fromEntries(accepted.map((upload) => [upload.logoType, upload.permanentKey]));
    const updated = await this.deps.themes.update(theme.id, { logos });
    if (!updated) {
      // Deleted meanwhile: its new logos belong to nothing.
      await Promise.all(accepted.map((upload) => this.deps.logoStorage.delete(upload.permanentKey)));
      throw ParleyError.notFound(`could not find theme ${themeId}`);
    }
    for (const upload of accepted) {
      const replaced = theme.logos[upload.logoType];
      if (replaced !== null) await this.deleteQuietly(replaced);
    }
    return updated;
  }

  /** Every key's upload and file, checked; all accepted, or a refusal naming each failing key. */
  private async check(theme: Theme, uploads: LogoUploadTarget[], keys: readonly string[]): Promise<AcceptedUpload[]> {
    const byKey = new Map(uploads.map((upload) => [upload.key, upload]));
    const accepted: AcceptedUpload[] = [];
    const errors: LogoKeyError[] = [];
    for (const key of keys) {
      const upload = byKey.get(key);
      const parsed = parseUploadKey(key);
      const bytes = upload && parsed ? await this.deps.logoStorage.get(key) : undefined;
      if (!upload || !parsed || !bytes) {
        errors.push({ logoKey: key, code: 'key_not_found' });
        continue;
      }
      const problem = logoProblem(upload.logoType, bytes);
      if (problem) errors.push({ logoKey: key, code: 'invalid_logo_properties', invalidProperty: problem });
      else accepted.push({ key, logoType: upload.logoType, permanentKey: finalizedLogoKey(theme.id, parsed) });
    }
    if (errors.length > 0) throw refused(errors);
    return accepted;
  }

  /** All files move, or none: on a storage failure the moved ones go back and the uploads are restored. */
  private async moveToPermanentKeys(accepted: AcceptedUpload[], claimed: LogoUploadTarget[]): Promise<void> {
    const moved: AcceptedUpload[] = [];
    try {
      for (const upload of accepted) {
        await this.deps.logoStorage.move(upload.key, upload.permanentKey);
        moved.push(upload);
      }
    } catch (error) {
      for (const upload of moved) await this.deps.logoStorage.move(upload.permanentKey, upload.key);
      await this.deps.logoUploads.insert(claimed);
      throw error;
    }
  }

  /** A replaced logo nobody references any more; failing to delete it must not fail the request. */
  private async deleteQuietly(key: string): Promise<void> {
    try {
      await this.deps.logoStorage.delete(key);
    } catch (error) {
      this.deps.logger.warn({ err: error, key }, 'could not delete a replaced logo');
    }
  }
}

function requireOneKeyPerLogoType(keys: readonly string[]): void {
  const seen = new Set<LogoType>();
  for (const key of keys) {
    const logoType = parseUploadKey(key)?.logoType;
    if (logoType === undefined) continue;
    if (seen.has(logoType)) throw ParleyError.validation(`"keys" must hold at most one key per logo type, and holds two ${logoType} logos`);
    seen.add(logoType);
  }
}

function refused(errors: LogoKeyError[]): ParleyError {
  return ParleyError.badRequest(FINALIZE_REFUSED, errors);
}
