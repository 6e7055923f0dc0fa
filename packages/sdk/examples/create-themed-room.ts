/**
 * Creates a branded meeting room: a theme with your colour and, if you pass a PNG, your logo, then a
 * long-term room that uses it. Prints the links to send people.
 *
 *   PARLEY_URL=http://localhost:8080 PARLEY_APPLICATION_ID=… PARLEY_PRIVATE_KEY_FILE=app.key \
 *     node --import tsx examples/create-themed-room.ts [logo.png]
 */
import fs from 'node:fs';
import { ParleyApiError, ParleyMeetingsClient } from '@parley/sdk';

const meetings = new ParleyMeetingsClient({
  baseUrl: process.env.PARLEY_URL ?? 'http://localhost:8080',
  applicationId: required('PARLEY_APPLICATION_ID'),
  privateKey: fs.readFileSync(required('PARLEY_PRIVATE_KEY_FILE'), 'utf8'),
});

try {
  let theme = await meetings.createTheme({ theme_name: `Example ${Date.now()}`, main_color: '#0b6e4f', brand_text: 'Example Inc.' });
  const logoFile = process.argv[2];
  // Logos are PNGs with a transparent background, 1-300 px a side.
  if (logoFile) theme = await meetings.uploadLogo(theme.theme_id, 'colored', fs.readFileSync(logoFile));

  const room = await meetings.createRoom({
    display_name: 'Weekly planning',
    type: 'long_term',
    expires_at: new Date(Date.now() + 30 * 24 * 3600_000),
    theme_id: theme.theme_id,
    join_approval_level: 'after_owner_only',
  });
  console.log(`Theme:     ${theme.theme_id}${theme.brand_image_colored_url ? ` (logo ${theme.brand_image_colored_url})` : ''}`);
  console.log(`Room:      ${room.id}, meeting code ${room.meeting_code}, open until ${room.expires_at}`);
  console.log(`Host URL:  ${room._links.host_url.href}`);
  console.log(`Guest URL: ${room._links.guest_url.href}`);
} catch (error) {
  if (!(error instanceof ParleyApiError)) throw error;
  // The API's own words: status, name, message, and specifics such as which logo rule failed.
  console.error([`${error.status} ${error.name}: ${error.message}`, ...error.errors.map((detail) => `  ${JSON.stringify(detail)}`)].join('\n'));
  process.exitCode = 1;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name}`);
  return value;
}
