import type { Room } from '../rooms/room.js';
import type { Application, ApplicationsRepository } from '../store/applications-repository.js';
import type { ThemesRepository } from '../store/themes-repository.js';
import type { Theme } from './theme.js';

export interface RoomThemeDeps {
  themes: ThemesRepository;
  applications: ApplicationsRepository;
}

/**
 * The theme a room is shown with: its own, else its application's default, else none. Both the room's
 * URLs (`short_company_url`) and its meeting page (colours, brand, logos) follow this one rule.
 */
export async function themeOfRoom(
  deps: RoomThemeDeps,
  room: Pick<Room, 'themeId' | 'applicationId'>,
  /** The room's application when the caller already holds it (an API call's own), saving a read. */
  knownApplication?: Pick<Application, 'id' | 'defaultThemeId'>,
): Promise<Theme | null> {
  if (room.themeId !== null) {
    const own = await deps.themes.findById(room.themeId);
    if (own) return own;
  }
  const application =
    knownApplication?.id === room.applicationId ? knownApplication : await deps.applications.findApplication(room.applicationId);
  if (!application?.defaultThemeId) return null;
  return (await deps.themes.findById(application.defaultThemeId)) ?? null;
}
