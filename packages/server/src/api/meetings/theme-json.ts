import type { Theme } from '../../themes/theme.js';
import { logoUrl } from '../../themes/logo-urls.js';

/** A theme on the wire, key for key (and in the order) the live Vonage API answered. */
export interface VonageTheme {
  theme_id: string;
  theme_name: string;
  domain: Theme['domain'];
  account_id: string;
  application_id: string;
  main_color: string;
  short_company_url: string | null;
  brand_text: string;
  brand_image_colored: string | null;
  brand_image_white: string | null;
  branded_favicon: string | null;
  brand_image_white_url: string | null;
  brand_image_colored_url: string | null;
  branded_favicon_url: string | null;
}

/** The account is the owning application's; every theme of a request belongs to the caller. */
export function vonageThemeOf(theme: Theme, accountId: string, publicUrl: string): VonageTheme {
  return {
    theme_id: theme.id,
    theme_name: theme.name,
    domain: theme.domain,
    account_id: accountId,
    application_id: theme.applicationId,
    main_color: theme.mainColor,
    short_company_url: theme.shortCompanyUrl,
    brand_text: theme.brandText,
    brand_image_colored: theme.logos.colored,
    brand_image_white: theme.logos.white,
    branded_favicon: theme.logos.favicon,
    brand_image_white_url: logoUrl(publicUrl, theme.logos.white),
    brand_image_colored_url: logoUrl(publicUrl, theme.logos.colored),
    branded_favicon_url: logoUrl(publicUrl, theme.logos.favicon),
  };
}
