/** A theme (white-labelling of the meeting page) as the domain knows it, independent of any wire format. */
export interface Theme {
  id: string;
  applicationId: string;
  name: string;
  /** `VCP` for themes made through the API; `VBC` is accepted for compatibility and means nothing else. */
  domain: 'VCP' | 'VBC';
  mainColor: string;
  brandText: string;
  shortCompanyUrl: string | null;
  /** Storage keys of the finalized logos, one per logo type. */
  logos: ThemeLogos;
  createdAt: string;
}

export type ThemeLogos = Record<LogoType, string | null>;

/** White logos sit on dark backgrounds, coloured ones on light backgrounds; the favicon in the tab. */
export const LOGO_TYPES = ['white', 'colored', 'favicon'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];
