import type { FastifyReply } from 'fastify';
import { PARLEY_MARK } from './parley-mark.js';

/** How a page is branded: a theme's colour, brand text and logo, or Parley's own look when absent. */
export interface PageBranding {
  /** `#rrggbb`. */
  accent: string;
  brandText: string;
  logoUrl: string | null;
  faviconUrl: string | null;
}

/**
 * A page rendered by the server (the OAuth consent page, the webinar registration pages): the meeting
 * page's light surface in a few rules, no script, in English like the server's other pages. `main` is
 * trusted HTML: callers escape every value they put in it with `escapeHtml`.
 */
export function serverPage(title: string, main: string, branding?: PageBranding): string {
  const accent = branding && HEX_COLOUR.test(branding.accent) ? branding.accent : DEFAULT_ACCENT;
  const brandText = branding?.brandText || 'Parley';
  const favicon = branding?.faviconUrl ? escapeHtml(branding.faviconUrl) : `data:image/svg+xml,${encodeURIComponent(PARLEY_MARK)}`;
  const brand = branding?.logoUrl
    ? `<div class="brand"><img src="${escapeHtml(branding.logoUrl)}" alt="${escapeHtml(brandText)}"></div>`
    : `<div class="brand" aria-hidden="true">${PARLEY_MARK}<span>${escapeHtml(brandText)}</span></div>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>${escapeHtml(title)} · ${escapeHtml(brandText)}</title>
    <link rel="icon" href="${favicon}">
    <style>:root { --accent: ${accent}; }${STYLE}</style>
  </head>
  <body>
    <main>
      ${brand}
      ${main}
    </main>
  </body>
</html>
`;
}

const DEFAULT_ACCENT = '#4f7cff';
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** The meeting page's light surface (packages/web/src/features/base/ui/base.css); `--accent` is the theme's. */
const STYLE = `
:root { --bg: #f4f5f8; --surface: #fff; --border: #d9dee7; --text: #161a23;
  --text-muted: #5b6476; --danger-text: #c42b31; --success-text: #1d7a46; --radius: 12px; --focus-ring: 0 0 0 3px var(--bg), 0 0 0 5px var(--accent); color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; padding: 16px; background: var(--bg); color: var(--text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { width: 100%; max-width: 480px; background: var(--surface); border: 1px solid var(--border); border-radius: 20px; padding: 28px 24px;
  box-shadow: 0 16px 48px rgb(22 26 35 / 0.12); }
.brand { display: flex; align-items: center; gap: 10px; font-weight: 700; font-size: 20px; margin-bottom: 20px; }
.brand svg { width: 32px; height: 32px; }
.brand img { max-height: 40px; max-width: 200px; }
h1 { font-size: 20px; line-height: 1.35; margin: 0 0 12px; font-weight: 600; }
h2 { font-size: 17px; line-height: 1.35; margin: 0 0 8px; font-weight: 600; }
.muted { color: var(--text-muted); margin: 0 0 8px; }
.small { font-size: 14px; margin-top: 16px; }
.scopes { margin: 0 0 20px; padding-left: 20px; }
.scopes li { margin: 4px 0; }
label, legend { display: block; font-weight: 600; font-size: 14px; margin: 14px 0 6px; padding: 0; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
fieldset label { display: flex; align-items: center; gap: 8px; font-weight: 400; font-size: 16px; margin: 6px 0; }
input[type=email], input[type=password], input[type=text], input[type=url] { width: 100%; font: inherit; padding: 10px 12px; border: 1px solid var(--border);
  border-radius: var(--radius); background: var(--surface); color: var(--text); }
input[type=radio], input[type=checkbox] { width: 18px; height: 18px; accent-color: var(--accent); margin: 0; }
input:focus-visible, button:focus-visible, a:focus-visible { outline: none; box-shadow: var(--focus-ring); border-color: var(--accent); }
.actions { display: flex; gap: 12px; margin-top: 22px; flex-wrap: wrap; align-items: center; }
button, .button { font: inherit; font-weight: 600; padding: 10px 18px; border-radius: var(--radius); cursor: pointer; border: 1px solid transparent;
  text-decoration: none; display: inline-block; text-align: center; }
.primary { background: var(--accent); color: #fff; }
.primary:hover { filter: brightness(1.1); }
.secondary { background: transparent; color: var(--text); border-color: var(--border); }
.secondary:hover { background: var(--bg); }
.danger { background: var(--danger-text); color: #fff; }
.error { color: var(--danger-text); font-weight: 600; margin: 12px 0 0; }
.success { color: var(--success-text); font-weight: 600; margin: 0 0 8px; }
.required { color: var(--danger-text); }
.when { font-weight: 600; margin: 0 0 4px; }
.link { word-break: break-all; font-size: 14px; background: var(--bg); border: 1px solid var(--border); border-radius: var(--radius); padding: 8px 12px; margin: 6px 0 0; }
@media (max-width: 400px) { .actions > * { flex: 1 1 100%; } main { padding: 22px 16px; } }
`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * Sends a server page: never cached, never framed (a page in someone else's frame could be clicked
 * through), nothing loaded from elsewhere; `images: 'self'` lets in this server's own (theme logos).
 */
export function sendServerPage(reply: FastifyReply, status: number, html: string, options: { images?: 'self' } = {}): FastifyReply {
  const images = options.images === 'self' ? "data: 'self'" : 'data:';
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-frame-options', 'DENY')
    .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; img-src ${images}; frame-ancestors 'none'; base-uri 'none'`)
    .send(html);
}
