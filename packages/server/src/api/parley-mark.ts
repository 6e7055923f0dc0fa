/** The meeting page's mark (packages/web/src/assets/favicon.svg), so the docs and the server's own pages (the OAuth consent page) read as Parley's. */
const MARK_SHAPES =
  '<rect width="64" height="64" rx="16" fill="#4f7cff"/><path d="M18 22a6 6 0 0 1 6-6h16a6 6 0 0 1 6 6v12a6 6 0 0 1-6 6H30l-8 8v-8h0a4 4 0 0 1-4-4z" fill="#fff"/>';
export const PARLEY_MARK = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">${MARK_SHAPES}</svg>`;
export const PARLEY_WORDMARK =
  `<svg xmlns="http://www.w3.org/2000/svg" width="150" height="40" viewBox="0 0 150 40"><g transform="scale(0.625)">${MARK_SHAPES}</g>` +
  '<text x="50" y="28" font-family="system-ui, sans-serif" font-size="24" font-weight="700" fill="#fff">Parley</text></svg>';
