/**
 * Prints every room of the application as CSV (oldest first), page after page, with the theme each
 * room is shown with by name. A starting point for reports and migrations.
 *
 *   PARLEY_URL=… PARLEY_APPLICATION_ID=… PARLEY_PRIVATE_KEY_FILE=app.key node --import tsx examples/export-rooms.ts > rooms.csv
 */
import fs from 'node:fs';
import { ParleyMeetingsClient } from '@parley/sdk';

const meetings = new ParleyMeetingsClient({
  baseUrl: process.env.PARLEY_URL ?? 'http://localhost:8080',
  applicationId: process.env.PARLEY_APPLICATION_ID ?? '',
  privateKey: fs.readFileSync(process.env.PARLEY_PRIVATE_KEY_FILE ?? 'app.key', 'utf8'),
});

const themeNames = new Map((await meetings.listThemes()).map((theme) => [theme.theme_id, theme.theme_name]));
const csv = (cells: readonly (string | number | boolean)[]) => cells.map((cell) => `"${String(cell).replaceAll('"', '""')}"`).join(',');

console.log(csv(['id', 'name', 'type', 'meeting_code', 'available', 'created_at', 'expires_at', 'theme', 'guest_url']));
// `rooms()` asks for one page at a time (100 rooms here) and follows each page's `next` link.
for await (const room of meetings.rooms({ pageSize: 100 })) {
  const theme = room.theme_id ? (themeNames.get(room.theme_id) ?? room.theme_id) : '';
  console.log(csv([room.id, room.display_name, room.type, room.meeting_code, room.is_available, room.created_at, room.expires_at, theme, room._links.guest_url.href]));
}
