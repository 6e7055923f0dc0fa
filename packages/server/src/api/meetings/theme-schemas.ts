import Type, { type Static } from 'typebox';
import { ID_MAX_LENGTH } from './room-schemas.js';

/**
 * The request payloads of the themes and applications endpoints. `main_color` and `short_company_url`
 * have their own rules (and messages, "Invalid main_color") in the theme service, so the schema only
 * bounds their length generously. Keys the schema does not name are ignored, as for rooms.
 */

const ThemeName = Type.String({ minLength: 1, maxLength: 200 });
const MainColor = Type.String({ maxLength: 256 });
const BrandText = Type.String({ minLength: 1, maxLength: 200 });
const ShortCompanyUrl = Type.Union([Type.String({ maxLength: 2048 }), Type.Null()]);

export const CreateThemeBody = Type.Object({
  /** A UUID is made up when it is left out or null. */
  theme_name: Type.Optional(Type.Union([ThemeName, Type.Null()])),
  main_color: MainColor,
  brand_text: BrandText,
  short_company_url: Type.Optional(ShortCompanyUrl),
});
export type CreateThemeBody = Static<typeof CreateThemeBody>;

export const UpdateThemeBody = Type.Object({
  update_details: Type.Optional(
    Type.Object({
      theme_name: Type.Optional(ThemeName),
      main_color: Type.Optional(MainColor),
      brand_text: Type.Optional(BrandText),
      short_company_url: Type.Optional(ShortCompanyUrl),
    }),
  ),
});
export type UpdateThemeBody = Static<typeof UpdateThemeBody>;

export const ThemeParams = Type.Object({ theme_id: Type.String({ maxLength: ID_MAX_LENGTH }) });
export type ThemeParams = Static<typeof ThemeParams>;

/** `force` arrives as `true`/`false` from most SDKs and as `True`/`False` from Python's: read as text. */
export const DeleteThemeQuery = Type.Object({ force: Type.Optional(Type.String({ maxLength: 16 })) });
export type DeleteThemeQuery = Static<typeof DeleteThemeQuery>;

export const UpdateApplicationBody = Type.Object({
  update_details: Type.Optional(
    Type.Object({
      default_theme_id: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: ID_MAX_LENGTH }), Type.Null()])),
    }),
  ),
});
export type UpdateApplicationBody = Static<typeof UpdateApplicationBody>;
