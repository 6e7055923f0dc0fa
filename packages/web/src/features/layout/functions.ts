import type { VideoSource } from '@parley/client';
import { gridLayout, type GridLayout } from '../meeting/functions';

/** Speaker view: who speaks (or what is shared) large, the others in a strip. Grid: everyone the same size. */
export type LayoutMode = 'speaker' | 'grid';

/** Something the stage can show: someone's camera (or their initials), or a shared screen. */
export interface StageTile {
  key: string;
  participantId: string;
  source: VideoSource;
  isSelf: boolean;
}

export interface Size {
  width: number;
  height: number;
}

/** A tile on screen now, and its size in CSS pixels. */
export interface VisibleTile extends Size {
  tile: StageTile;
}

/** Grid tiles never get smaller than this: past it the grid pages. */
export const MIN_TILE = { width: 160, height: 90 };
/** A page of the grid shows at most this many tiles (5 × 5), however large the window. */
export const MAX_TILES_PER_PAGE = 25;
export const TILE_GAP = 12;
/** Room the page controls take: below the grid, and at each end of the strip. */
export const PAGER_HEIGHT = 44;
export const PAGER_BUTTON_WIDTH = 40;

/** The tiles in the order the stage lays them out: shared screens, oneself, then others as they arrived. */
export function stageTiles(selfId: string, remoteIds: readonly string[], sharingIds: readonly string[]): StageTile[] {
  const tiles: StageTile[] = [];
  for (const participantId of sharingIds) tiles.push({ key: `${participantId}:screen`, participantId, source: 'screen', isSelf: participantId === selfId });
  tiles.push({ key: `${selfId}:camera`, participantId: selfId, source: 'camera', isSelf: true });
  for (const participantId of remoteIds) tiles.push({ key: `${participantId}:camera`, participantId, source: 'camera', isSelf: false });
  return tiles;
}

/** How many tiles fit on one grid page of this size without going below `MIN_TILE`. */
export function gridPageSize(count: number, width: number, height: number): number {
  for (let k = Math.min(count, MAX_TILES_PER_PAGE); k > 1; k--) {
    const layout = gridLayout(k, width, height, TILE_GAP);
    if (layout.tileWidth >= MIN_TILE.width && layout.tileHeight >= MIN_TILE.height) return k;
  }
  return 1;
}

export interface GridPlan {
  /** The page shown, 0-based, within `pages`. */
  page: number;
  pages: number;
  tiles: StageTile[];
  layout: GridLayout;
}

/** The grid page to show: the tiles on it and their size; page controls take room when there are pages. */
export function planGrid(tiles: readonly StageTile[], page: number, area: Size): GridPlan {
  let size = gridPageSize(tiles.length, area.width, area.height);
  let height = area.height;
  if (size < tiles.length) {
    height = Math.max(0, area.height - PAGER_HEIGHT);
    size = gridPageSize(tiles.length, area.width, height);
  }
  const pages = Math.max(1, Math.ceil(tiles.length / size));
  const shown = Math.min(Math.max(0, page), pages - 1);
  const onPage = tiles.slice(shown * size, (shown + 1) * size);
  return { page: shown, pages, tiles: onPage, layout: gridLayout(onPage.length, area.width, height, TILE_GAP) };
}

/**
 * The tile the speaker view shows large: a shared screen, else the camera of whoever of the others
 * spoke last, else the first of the others, else oneself.
 */
export function mainTile(tiles: readonly StageTile[], recentSpeakers: readonly string[]): StageTile | undefined {
  const screen = tiles.find((t) => t.source === 'screen');
  if (screen) return screen;
  const others = tiles.filter((t) => !t.isSelf);
  for (const id of recentSpeakers) {
    const spoke = others.find((t) => t.participantId === id);
    if (spoke) return spoke;
  }
  return others[0] ?? tiles[0];
}

export interface SpeakerPlan {
  main: StageTile | undefined;
  mainSize: Size;
  strip: StageTile[];
  stripPage: number;
  stripPages: number;
  stripTile: Size;
}

/**
 * Strip tiles are 16:9, a fifth of the stage's height within these bounds; on a narrow stage (a phone)
 * smaller, so that three fit across, down to `narrowMin`.
 */
const STRIP_TILE_HEIGHT = { min: 72, max: 132, narrowMin: 48 };

/**
 * The speaker view: the main tile above, as large as the area left by a strip of the others, which
 * pages when they do not all fit across.
 */
export function planSpeaker(tiles: readonly StageTile[], recentSpeakers: readonly string[], stripPage: number, area: Size): SpeakerPlan {
  const main = mainTile(tiles, recentSpeakers);
  const others = tiles.filter((t) => t !== main);
  if (others.length === 0) {
    return { main, mainSize: fitMain(main, area), strip: [], stripPage: 0, stripPages: 1, stripTile: { width: 0, height: 0 } };
  }
  const threeAcross = Math.floor((Math.floor((area.width - 2 * TILE_GAP) / 3) * 9) / 16);
  const tileHeight = Math.min(
    Math.round(Math.min(STRIP_TILE_HEIGHT.max, Math.max(STRIP_TILE_HEIGHT.min, area.height / 5))),
    Math.max(STRIP_TILE_HEIGHT.narrowMin, threeAcross),
  );
  const stripTile = { width: Math.floor((tileHeight * 16) / 9), height: tileHeight };
  const across = (width: number): number => Math.max(1, Math.floor((width + TILE_GAP) / (stripTile.width + TILE_GAP)));
  let capacity = across(area.width);
  if (others.length > capacity) capacity = across(area.width - 2 * (PAGER_BUTTON_WIDTH + TILE_GAP));
  const stripPages = Math.ceil(others.length / capacity);
  const page = Math.min(Math.max(0, stripPage), stripPages - 1);
  const mainArea = { width: area.width, height: Math.max(0, area.height - tileHeight - TILE_GAP) };
  return {
    main,
    mainSize: fitMain(main, mainArea),
    strip: others.slice(page * capacity, (page + 1) * capacity),
    stripPage: page,
    stripPages,
    stripTile,
  };
}

/**
 * A shared screen takes the whole area (shown uncropped inside it). A camera takes the largest 16:9 box
 * in it, or on a portrait stage (a phone) the full width, up to 3:4, cropped to fill.
 */
function fitMain(tile: StageTile | undefined, area: Size): Size {
  if (!tile || tile.source === 'screen') return area;
  if (area.height > area.width) return { width: area.width, height: Math.min(area.height, Math.floor((area.width * 4) / 3)) };
  const width = Math.min(area.width, (area.height * 16) / 9);
  return { width: Math.floor(width), height: Math.floor((width * 9) / 16) };
}
