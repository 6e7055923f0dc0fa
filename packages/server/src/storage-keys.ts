import path from 'node:path';

/** Keys are `/`-separated segments of safe characters; nothing can climb out of the root. */
const SAFE_KEY = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)?(\/[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)?)*$/;

/**
 * The file a storage key names under a local storage's `root`; throws for a key that is not one (`what`
 * names the storage in the message), so no key can reach outside the root.
 */
export function localFileOfKey(root: string, key: string, what: string): string {
  if (!SAFE_KEY.test(key)) throw new Error(`not a ${what} storage key: ${JSON.stringify(key)}`);
  return path.join(root, ...key.split('/'));
}
