/** The calling application's Meetings settings, as `PATCH /applications` answers them. */
export interface ApplicationSettings {
  application_id: string;
  account_id: string;
  /** Rooms without a theme of their own are shown with this one. */
  default_theme_id: string | null;
}
