/**
 * Themes (white-labelling of the meeting page) on the wire, as the Meetings API answers and reads them.
 * Kept in step with the server's `api/meetings/theme-json.ts`.
 */

/** White logos sit on dark backgrounds, coloured ones on light backgrounds; the favicon in the tab. */
export type LogoType = 'white' | 'colored' | 'favicon';

export const LOGO_TYPES: readonly LogoType[] = ['white', 'colored', 'favicon'];

export interface Theme {
  theme_id: string;
  /** Unique within the application. */
  theme_name: string;
  /** `VCP` for themes made through the API. */
  domain: 'VCP' | 'VBC';
  account_id: string;
  application_id: string;
  main_color: string;
  /** The path segment of the theme's room URLs (`<public url>/<short_company_url>/<meeting code>`). */
  short_company_url: string | null;
  brand_text: string;
  /** Storage keys of the logos, once uploaded and finalized. */
  brand_image_colored: string | null;
  brand_image_white: string | null;
  branded_favicon: string | null;
  /** Where the meeting page loads the logos from. */
  brand_image_white_url: string | null;
  brand_image_colored_url: string | null;
  branded_favicon_url: string | null;
}

export interface CreateThemeRequest {
  /** At most 200 characters; a UUID is chosen when left out. */
  theme_name?: string;
  /** `#rrggbb` or `#rgb`. */
  main_color: string;
  /** Shown on the meeting page when the theme has no logo. At most 200 characters. */
  brand_text: string;
  /**
   * Letters, digits, `_`, `~` and `-`, at least one of them not a digit (at most 128); unique across
   * the server. `null` or left out: the theme's rooms keep plain URLs.
   */
  short_company_url?: string | null;
}

/**
 * What `updateTheme` may change (sent as `update_details`); at least one key, and a key left out keeps
 * its value. `short_company_url: null` removes the short URL. Logos change through `uploadLogo`.
 */
export type UpdateThemeRequest = Partial<CreateThemeRequest>;

/** One upload target of `GET /themes/logos-upload-urls`: post `fields` in order, then the file, to `url`. */
export interface LogoUploadTarget {
  url: string;
  fields: { key: string; logoType: LogoType } & Record<string, string>;
}
