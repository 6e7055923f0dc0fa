import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { isoTimestamp, type Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { Application, ApplicationsRepository } from '../store/applications-repository.js';
import type { ThemeChanges, ThemesRepository } from '../store/themes-repository.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import type { LogoStorage } from './logo-storage.js';
import { isValidShortCompanyUrl } from './short-company-url.js';
import type { Theme } from './theme.js';

export interface CreateThemeInput {
  /** Unique within the application; a UUID when left out. */
  name?: string | null;
  mainColor: string;
  brandText: string;
  /** Unique across the deployment. */
  shortCompanyUrl?: string | null;
}

/** What may change of a theme; logos change only by finalizing uploads. */
export interface UpdateThemeInput {
  name?: string;
  mainColor?: string;
  brandText?: string;
  /** null removes it: the theme's rooms go back to plain URLs. */
  shortCompanyUrl?: string | null;
}

export interface ThemeServiceDeps {
  themes: ThemesRepository;
  applications: ApplicationsRepository;
  logoStorage: Pick<LogoStorage, 'delete'>;
  clock: Clock;
  logger: Logger;
}

/** Vonage's pattern: `#` and three or six hexadecimal digits. */
const MAIN_COLOR = /^#([a-fA-F0-9]{6}|[a-fA-F0-9]{3})$/;

const THEME_NAME_TAKEN = 'theme_name already exists in application';
const SHORT_COMPANY_URL_TAKEN = 'short_company_url already exists';

/**
 * Themes (white-labelling of the meeting page) as the product defines them, whatever API asked:
 * validation, uniqueness of names (per application) and short URLs (across the deployment), what
 * deleting one does to the rooms and the application default using it, and tenancy: an application
 * never sees, uses or deletes another application's theme.
 */
export class ThemeService {
  constructor(private readonly deps: ThemeServiceDeps) {}

  async create(applicationId: string, input: CreateThemeInput): Promise<Theme> {
    checkMainColor(input.mainColor);
    if (input.shortCompanyUrl != null) checkShortCompanyUrl(input.shortCompanyUrl);
    const theme: Theme = {
      id: randomUUID(),
      applicationId,
      name: input.name ?? randomUUID(),
      domain: 'VCP',
      mainColor: input.mainColor,
      brandText: input.brandText,
      shortCompanyUrl: input.shortCompanyUrl ?? null,
      logos: { white: null, colored: null, favicon: null },
      createdAt: isoTimestamp(this.deps.clock.now()),
    };
    await this.checkUnique(applicationId, { name: theme.name, shortCompanyUrl: theme.shortCompanyUrl });
    return writeUnique(() => this.deps.themes.insert(theme));
  }

  /** The application's themes, oldest first. */
  list(applicationId: string): Promise<Theme[]> {
    return this.deps.themes.listByApplication(applicationId);
  }

  /** The theme, if it exists and belongs to this application; otherwise NotFound, never Forbidden. */
  async get(applicationId: string, id: string): Promise<Theme> {
    const theme = await this.deps.themes.findById(id);
    if (!theme || theme.applicationId !== applicationId) throw ParleyError.notFound(`could not find theme ${id}`);
    return theme;
  }

  async update(applicationId: string, id: string, input: UpdateThemeInput): Promise<Theme> {
    const theme = await this.get(applicationId, id);
    if (input.mainColor !== undefined) checkMainColor(input.mainColor);
    if (input.shortCompanyUrl != null) checkShortCompanyUrl(input.shortCompanyUrl);
    await this.checkUnique(applicationId, { name: input.name, shortCompanyUrl: input.shortCompanyUrl }, theme.id);
    const changes: ThemeChanges = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.mainColor !== undefined) changes.mainColor = input.mainColor;
    if (input.brandText !== undefined) changes.brandText = input.brandText;
    if (input.shortCompanyUrl !== undefined) changes.shortCompanyUrl = input.shortCompanyUrl;
    const updated = await writeUnique(() => this.deps.themes.update(theme.id, changes));
    if (!updated) throw ParleyError.notFound(`could not find theme ${id}`);
    return updated;
  }

  /**
   * Deletes a theme. A theme in use (by rooms, or as the application's default) is deleted only when
   * forced; then its rooms take the application's default theme (none when this was the default), and
   * the application has no default if this was it. Its logo files go too: they are served publicly
   * by key, and nothing names them any more.
   */
  async delete(applicationId: string, id: string, force: boolean): Promise<void> {
    const theme = await this.get(applicationId, id);
    const defaultThemeId = (await this.deps.applications.findApplication(applicationId))?.defaultThemeId ?? null;
    if (!force) {
      const uses: string[] = [];
      const rooms = await this.deps.themes.roomCount(theme.id);
      if (rooms > 0) uses.push(`Theme ${theme.id} is used by ${rooms} room${rooms === 1 ? '' : 's'}`);
      if (defaultThemeId === theme.id) uses.push(`Theme ${theme.id} is used as application ${applicationId} default theme`);
      if (uses.length > 0) throw ParleyError.badRequest('could not delete theme', uses);
    }
    await this.deps.themes.delete(theme.id, defaultThemeId === theme.id ? null : defaultThemeId);
    for (const key of Object.values(theme.logos)) {
      if (key === null) continue;
      // The theme is gone whatever happens to the file; a file left behind is only worth a warning.
      await this.deps.logoStorage.delete(key).catch((error: Error) => this.deps.logger.warn({ err: error, themeId: theme.id, key }, 'could not delete a logo of a deleted theme'));
    }
  }

  /** Makes one of the application's themes its default (null: no default), which rooms without a theme show. */
  async setDefault(applicationId: string, themeId: string | null): Promise<Application> {
    if (!(await this.deps.applications.setDefaultTheme(applicationId, themeId))) {
      throw ParleyError.badRequest(`Failed to update application because theme id ${themeId} not found`);
    }
    const application = await this.deps.applications.findApplication(applicationId);
    if (!application) throw new Error(`application ${applicationId} vanished while setting its default theme`);
    return application;
  }

  /** Refuses a name or short URL another theme has; the unique indexes still catch a race (`writeUnique`). */
  private async checkUnique(
    applicationId: string,
    wanted: { name?: string | undefined; shortCompanyUrl?: string | null | undefined },
    exceptId?: string,
  ): Promise<void> {
    if (wanted.name !== undefined && (await this.deps.themes.nameExists(applicationId, wanted.name, exceptId))) {
      throw ParleyError.conflict(THEME_NAME_TAKEN);
    }
    if (wanted.shortCompanyUrl != null && (await this.deps.themes.shortCompanyUrlExists(wanted.shortCompanyUrl, exceptId))) {
      throw ParleyError.conflict(SHORT_COMPANY_URL_TAKEN);
    }
  }
}

function checkMainColor(mainColor: string): void {
  if (!MAIN_COLOR.test(mainColor)) throw ParleyError.validation('Invalid main_color');
}

function checkShortCompanyUrl(shortCompanyUrl: string): void {
  if (!isValidShortCompanyUrl(shortCompanyUrl)) throw ParleyError.validation('Invalid short_company_url');
}

/**
 * Runs a write that a unique index may refuse because a concurrent request took the same name or short
 * URL after it was checked, and turns that refusal into the same conflict the check gives.
 */
async function writeUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'short_company_url')) throw ParleyError.conflict(SHORT_COMPANY_URL_TAKEN);
    if (isUniqueViolation(error, 'name')) throw ParleyError.conflict(THEME_NAME_TAKEN);
    throw error;
  }
}
