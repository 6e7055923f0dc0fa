import fs from 'node:fs';
import type { Page } from 'playwright-core';

/** Where browser tests leave screenshots for a person to look at (`PARLEY_SCREENSHOTS` overrides). */
export const SCREENSHOTS_DIR = process.env.PARLEY_SCREENSHOTS ?? '/tmp/parley-shots';

/** Saves what the page shows as `<dir>/<name>.png`. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}.png` });
}
