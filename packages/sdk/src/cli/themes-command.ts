import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { MeetingRoom } from '../wire/room-json.js';
import { LOGO_TYPES, type CreateThemeRequest, type LogoType, type Theme, type UpdateThemeRequest } from '../wire/theme-json.js';
import { UsageError, type CliIo } from './cli-io.js';
import { API_OPTIONS, API_OPTIONS_HELP, bodyFlag, clientFor, positionals, printer } from './command-line.js';
import { describeRoomPage, ROOM_PAGE_HELP, ROOM_PAGE_OPTIONS, roomPageQueryOfFlags, roomTable } from './room-views.js';
import { formatRecord, formatTable } from './table.js';

export const THEMES_HELP = `Usage:
  parley themes list
  parley themes get THEME_ID
  parley themes create --color COLOR --brand-text TEXT [--name NAME] [--short-url SEGMENT]
  parley themes update THEME_ID [--color COLOR] [--brand-text TEXT] [--name NAME] [--short-url SEGMENT | --remove-short-url]
  parley themes delete THEME_ID [--force]        --force: even if rooms use it or it is the default
  parley themes rooms THEME_ID [--page-size N] [--start-id N] [--end-id N] [--all]
  parley themes set-default THEME_ID|none       rooms without a theme of their own are shown with it
  parley themes upload-logo THEME_ID white|colored|favicon FILE.png

Theme options:
  --color COLOR        the main colour, #rrggbb or #rgb
  --brand-text TEXT    shown when the theme has no logo
  --name NAME          unique among the application's themes (create: a UUID when left out)
  --short-url SEGMENT  the path segment of the theme's room URLs, unique on the server
  --remove-short-url   the theme's rooms go back to plain URLs (update)
  --body JSON          the request's JSON, which the options above refine

Logos: PNG with a transparent background, at most 1 MB; white and colored 1-300 px each way,
favicon square, 16-32 px.

Paging (themes rooms):
${ROOM_PAGE_HELP}

${API_OPTIONS_HELP}`;

const THEME_OPTIONS = {
  color: { type: 'string' },
  'brand-text': { type: 'string' },
  name: { type: 'string' },
  'short-url': { type: 'string' },
  'remove-short-url': { type: 'boolean', default: false },
  body: { type: 'string' },
  force: { type: 'boolean', default: false },
} as const;

type ThemeFlags = { [K in 'color' | 'brand-text' | 'name' | 'short-url' | 'body']?: string | undefined } & { 'remove-short-url'?: boolean | undefined };

/** `parley themes list|get|create|update|delete|rooms|set-default|upload-logo`. */
export async function themesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals: given } = parseArgs({ args, allowPositionals: true, options: { ...API_OPTIONS, ...THEME_OPTIONS, ...ROOM_PAGE_OPTIONS } });
  if (values.help) {
    io.out(THEMES_HELP);
    return 0;
  }
  const [action, ...rest] = given;
  const print = printer(io, values.json);
  switch (action) {
    case 'list': {
      positionals('parley themes list', rest, []);
      const themes = await clientFor(values, io).listThemes();
      print(themes, `${themeTable(themes)}\n\n${themes.length} themes`);
      return 0;
    }
    case 'get': {
      const [themeId] = positionals('parley themes get', rest, ['THEME_ID']);
      const theme = await clientFor(values, io).getTheme(themeId);
      print(theme, describeTheme(theme));
      return 0;
    }
    case 'create': {
      positionals('parley themes create', rest, []);
      const request = { ...bodyFlag(values.body), ...themeChanges(values) } as Partial<CreateThemeRequest>;
      if (request.main_color === undefined) throw new UsageError('parley themes create needs --color');
      if (request.brand_text === undefined) throw new UsageError('parley themes create needs --brand-text');
      const theme = await clientFor(values, io).createTheme({ ...request, main_color: request.main_color, brand_text: request.brand_text });
      print(theme, describeTheme(theme));
      return 0;
    }
    case 'update': {
      const [themeId] = positionals('parley themes update', rest, ['THEME_ID']);
      const changes: UpdateThemeRequest = { ...bodyFlag(values.body), ...themeChanges(values) };
      if (Object.keys(changes).length === 0) throw new UsageError('parley themes update needs something to change: see parley themes --help');
      const theme = await clientFor(values, io).updateTheme(themeId, changes);
      print(theme, describeTheme(theme));
      return 0;
    }
    case 'delete': {
      const [themeId] = positionals('parley themes delete', rest, ['THEME_ID']);
      await clientFor(values, io).deleteTheme(themeId, { force: values.force });
      if (!values.json) io.out(`Theme ${themeId} deleted`);
      return 0;
    }
    case 'rooms': {
      const [themeId] = positionals('parley themes rooms', rest, ['THEME_ID']);
      const client = clientFor(values, io);
      const query = roomPageQueryOfFlags(values);
      if (values.all) {
        const rooms: MeetingRoom[] = [];
        for await (const room of client.themeRooms(themeId, query)) rooms.push(room);
        print(rooms, `${roomTable(rooms)}\n\n${rooms.length} rooms use theme ${themeId}`);
      } else {
        const page = await client.listThemeRooms(themeId, query);
        print(page, describeRoomPage(page, `rooms use theme ${themeId}`));
      }
      return 0;
    }
    case 'set-default': {
      const [themeId] = positionals('parley themes set-default', rest, ['THEME_ID']);
      const application = await clientFor(values, io).setDefaultTheme(themeId === 'none' ? null : themeId);
      print(application, formatRecord([['Application', application.application_id], ['Account', application.account_id], ['Default theme', application.default_theme_id ?? '-']]));
      return 0;
    }
    case 'upload-logo': {
      const [themeId, type, file] = positionals('parley themes upload-logo', rest, ['THEME_ID', 'LOGO_TYPE', 'FILE']);
      const logoType = logoTypeOf(type);
      const png = readPng(path.resolve(io.cwd, file));
      const theme = await clientFor(values, io).uploadLogo(themeId, logoType, png);
      print(theme, describeTheme(theme));
      return 0;
    }
    default:
      throw new UsageError(action === undefined ? THEMES_HELP : `Unknown themes command "${action}"\n\n${THEMES_HELP}`);
  }
}

function themeChanges(flags: ThemeFlags): UpdateThemeRequest {
  const changes: UpdateThemeRequest = {};
  if (flags.color !== undefined) changes.main_color = flags.color;
  if (flags['brand-text'] !== undefined) changes.brand_text = flags['brand-text'];
  if (flags.name !== undefined) changes.theme_name = flags.name;
  if (flags['short-url'] !== undefined && flags['remove-short-url']) throw new UsageError('--short-url and --remove-short-url contradict each other');
  if (flags['short-url'] !== undefined) changes.short_company_url = flags['short-url'];
  if (flags['remove-short-url']) changes.short_company_url = null;
  return changes;
}

function logoTypeOf(text: string): LogoType {
  const logoType = LOGO_TYPES.find((type) => type === text);
  if (logoType === undefined) throw new UsageError(`The logo type must be one of ${LOGO_TYPES.join(', ')}, not "${text}"`);
  return logoType;
}

/** Read here, so a wrong path is a usage mistake rather than a failed upload. */
function readPng(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(`Cannot read the logo ${file}: ${(error as Error).message}`);
  }
}

function describeTheme(theme: Theme): string {
  return formatRecord([
    ['Theme', theme.theme_id],
    ['Name', theme.theme_name],
    ['Main color', theme.main_color],
    ['Brand text', theme.brand_text],
    ['Short URL', theme.short_company_url ?? '-'],
    ['Domain', theme.domain],
    ['White logo', theme.brand_image_white_url ?? '-'],
    ['Colored logo', theme.brand_image_colored_url ?? '-'],
    ['Favicon', theme.branded_favicon_url ?? '-'],
    ['Application', theme.application_id],
  ]);
}

function themeTable(themes: readonly Theme[]): string {
  return formatTable(
    ['ID', 'NAME', 'COLOR', 'SHORT URL', 'LOGOS', 'BRAND TEXT'],
    themes.map((theme) => [theme.theme_id, theme.theme_name, theme.main_color, theme.short_company_url ?? '-', logosOf(theme), theme.brand_text]),
  );
}

/** Which logos a theme has, in a word each. */
function logosOf(theme: Theme): string {
  const present = [
    theme.brand_image_white !== null ? 'white' : '',
    theme.brand_image_colored !== null ? 'colored' : '',
    theme.branded_favicon !== null ? 'favicon' : '',
  ].filter(Boolean);
  return present.length > 0 ? present.join(',') : '-';
}
