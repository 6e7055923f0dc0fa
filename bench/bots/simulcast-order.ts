/**
 * Lists an offer's simulcast rids largest first, the order Janus reads them in unless told otherwise.
 * This libwebrtc must be given its encodings smallest first (it shares the bitrate out by position),
 * and writes its `a=rid` lines in that order; Chromium's offer for the page's encodings (also smallest
 * first) reaches Janus in an order it reads right (e2e/stage-layout.test.ts: a large tile gets the
 * full width). Only the order Janus reads changes; which rid is which layer stays with the encodings.
 */
export function withRidsLargestFirst(sdp: string): string {
  const lines = sdp.split('\r\n');
  const ridLines = lines.filter((line) => line.startsWith('a=rid:'));
  if (ridLines.length < 2) return sdp;
  const reversed = [...ridLines].reverse();
  let next = 0;
  return lines
    .map((line) => (line.startsWith('a=rid:') ? reversed[next++]! : line))
    .map((line) => line.replace(/^a=simulcast:send (\S+)$/, (_line, rids: string) => `a=simulcast:send ${rids.split(';').reverse().join(';')}`))
    .join('\r\n');
}
