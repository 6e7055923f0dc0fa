export interface GridLayout {
  columns: number;
  tileWidth: number;
  tileHeight: number;
}

/**
 * The tile size and column count that make `count` tiles as large as possible inside the stage.
 * Tiles fill their cell but keep a sensible shape: between 4:3 and 16:9 on a landscape stage,
 * between 3:4 and 16:9 on a portrait one (phones), cropping the video rather than letterboxing it.
 */
export function gridLayout(count: number, width: number, height: number, gap: number): GridLayout {
  const n = Math.max(1, count);
  const minAspect = width >= height ? 4 / 3 : 3 / 4;
  const maxAspect = 16 / 9;
  let best: GridLayout = { columns: 1, tileWidth: 0, tileHeight: 0 };
  let bestArea = -1;
  for (let columns = 1; columns <= n; columns++) {
    const rows = Math.ceil(n / columns);
    let w = (width - gap * (columns - 1)) / columns;
    let h = (height - gap * (rows - 1)) / rows;
    if (w <= 0 || h <= 0) continue;
    if (w / h > maxAspect) w = h * maxAspect;
    else if (w / h < minAspect) h = w / minAspect;
    const area = w * h;
    // Ties go to fewer columns (a bigger first row on odd counts looks calmer).
    if (area > bestArea + 1) {
      bestArea = area;
      best = { columns, tileWidth: Math.floor(w), tileHeight: Math.floor(h) };
    }
  }
  return best;
}
