/**
 * Polls `probe` until it returns no reason to keep waiting (`undefined`), or fails with the last
 * reason after `timeoutMs`: a failure says what was still missing, not just that time ran out.
 */
export async function waitUntil(probe: () => Promise<string | undefined> | string | undefined, timeoutMs = 15_000, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let reason: string | undefined = 'not checked yet';
  while (Date.now() < deadline) {
    reason = await probe();
    if (reason === undefined) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms: ${reason}`);
}
