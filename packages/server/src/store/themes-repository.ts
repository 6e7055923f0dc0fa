import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Theme } from '../themes/theme.js';
import { alwaysChanged, type ChangeStamp } from './change-tracking.js';
import { ReadCache } from './read-cache.js';
import type { Database, ThemesTable } from './schema.js';

export type ThemeChanges = Partial<Omit<Theme, 'id' | 'applicationId' | 'createdAt' | 'logos'>> & {
  logos?: Partial<Theme['logos']>;
};

/** Themes in the database. Converts between the domain's `Theme` and the portable row format. */
export class ThemesRepository {
  /** A themed room's every read and page load reads its theme: kept until the next write. */
  private readonly cache: ReadCache<Theme>;

  constructor(
    private readonly db: Kysely<Database>,
    changes?: ChangeStamp,
  ) {
    this.cache = new ReadCache(changes ?? alwaysChanged());
  }

  async insert(theme: Theme): Promise<Theme> {
    await this.db.insertInto('themes').values(toRow(theme)).execute();
    return theme;
  }

  findById(id: string): Promise<Theme | undefined> {
    return this.cache.get(id, () => this.readById(id));
  }

  private async readById(id: string): Promise<Theme | undefined> {
    const row = await this.db.selectFrom('themes').selectAll().where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  }

  async findByShortCompanyUrl(shortCompanyUrl: string): Promise<Theme | undefined> {
    const row = await this.db.selectFrom('themes').selectAll().where('short_company_url', '=', shortCompanyUrl).executeTakeFirst();
    return row && fromRow(row);
  }

  /** An application's themes, oldest first. */
  async listByApplication(applicationId: string): Promise<Theme[]> {
    const rows = await this.db
      .selectFrom('themes')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(fromRow);
  }

  async nameExists(applicationId: string, name: string, exceptId?: string): Promise<boolean> {
    let query = this.db.selectFrom('themes').select('id').where('application_id', '=', applicationId).where('name', '=', name);
    if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  }

  async shortCompanyUrlExists(shortCompanyUrl: string, exceptId?: string): Promise<boolean> {
    let query = this.db.selectFrom('themes').select('id').where('short_company_url', '=', shortCompanyUrl);
    if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  }

  async update(id: string, changes: ThemeChanges): Promise<Theme | undefined> {
    const row = toRowChanges(changes);
    if (Object.keys(row).length > 0) await this.db.updateTable('themes').set(row).where('id', '=', id).execute();
    return this.findById(id);
  }

  /** How many rooms use the theme; deleted rooms use nothing. */
  async roomCount(id: string): Promise<number> {
    const row = await this.db
      .selectFrom('rooms')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('theme_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Deletes the theme in one transaction with its consequences: rooms that used it take
   * `replacementThemeId` (the application's default, or none), and an application that had it as its
   * default has none.
   */
  async delete(id: string, replacementThemeId: string | null): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('rooms').set({ theme_id: replacementThemeId }).where('theme_id', '=', id).execute();
      await tx.updateTable('applications').set({ default_theme_id: null }).where('default_theme_id', '=', id).execute();
      await tx.deleteFrom('themes').where('id', '=', id).execute();
    });
  }
}

function toRow(theme: Theme): Insertable<ThemesTable> {
  return {
    id: theme.id,
    application_id: theme.applicationId,
    name: theme.name,
    domain: theme.domain,
    main_color: theme.mainColor,
    brand_text: theme.brandText,
    short_company_url: theme.shortCompanyUrl,
    brand_image_white: theme.logos.white,
    brand_image_colored: theme.logos.colored,
    branded_favicon: theme.logos.favicon,
    created_at: theme.createdAt,
  };
}

function toRowChanges(changes: ThemeChanges): Updateable<ThemesTable> {
  const row: Updateable<ThemesTable> = {};
  if (changes.name !== undefined) row.name = changes.name;
  if (changes.domain !== undefined) row.domain = changes.domain;
  if (changes.mainColor !== undefined) row.main_color = changes.mainColor;
  if (changes.brandText !== undefined) row.brand_text = changes.brandText;
  if (changes.shortCompanyUrl !== undefined) row.short_company_url = changes.shortCompanyUrl;
  if (changes.logos?.white !== undefined) row.brand_image_white = changes.logos.white;
  if (changes.logos?.colored !== undefined) row.brand_image_colored = changes.logos.colored;
  if (changes.logos?.favicon !== undefined) row.branded_favicon = changes.logos.favicon;
  return row;
}

function fromRow(row: Selectable<ThemesTable>): Theme {
  return {
    id: row.id,
    applicationId: row.application_id,
    name: row.name,
    domain: row.domain,
    mainColor: row.main_color,
    brandText: row.brand_text,
    shortCompanyUrl: row.short_company_url,
    logos: { white: row.brand_image_white, colored: row.brand_image_colored, favicon: row.branded_favicon },
    createdAt: row.created_at,
  };
}
