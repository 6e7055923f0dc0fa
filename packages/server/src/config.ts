import path from 'node:path';
import Type, { type Static } from 'typebox';
import { Value } from 'typebox/value';

/**
 * The one typed configuration of the server. Defaults are embedded so `make run` needs nothing;
 * every setting can be overridden by a `PARLEY_*` environment variable. An invalid value stops the
 * server at start-up with a message naming the variable.
 */
/**
 * A number callers dial to join a meeting by phone, in the shape `GET /dial-in-numbers` answers: digits
 * only (no `+`, at most the 15 of E.164), a BCP-47-like locale (`en-GB`), and the country's name.
 */
const DialInNumber = Type.Object(
  {
    number: Type.String({ pattern: '^[0-9]{1,15}$' }),
    locale: Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' }),
    display_name: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);

/**
 * One CSP source expression as `frame-ancestors` takes it: a keyword, a scheme (`https:`) or a host with
 * optional scheme, `*.` subdomain wildcard, port and path. Nothing that could end the directive (`;`, `,`).
 */
const FRAME_ANCESTOR_SOURCE = "('self'|'none'|\\*|[A-Za-z][A-Za-z0-9+.-]*:|([A-Za-z][A-Za-z0-9+.-]*://)?(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:(\\d{1,5}|\\*))?(/[^\\s;,']*)?)";
const FRAME_ANCESTORS_PATTERN = `^(${FRAME_ANCESTOR_SOURCE}( ${FRAME_ANCESTOR_SOURCE})*)?$`;

export const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  publicUrl: Type.String({ pattern: '^https?://[^/]+(/.*)?$' }),
  dataDir: Type.String({ minLength: 1 }),
  /** `sqlite:` path (default: `<dataDir>/parley.db`) or a `postgres://` (`postgresql://`) URL. */
  databaseUrl: Type.String({ minLength: 1 }),
  /** A Janus WebSocket URL; when empty the server spawns and supervises its own Janus. */
  janusUrl: Type.String(),
  /** `smtp://user:pass@host:587` (or `smtps://`): where webinar emails go; empty: Parley sends none. */
  smtpUrl: Type.String({ pattern: '^(smtps?://.+)?$' }),
  /** The `From` of the emails Parley sends (`Parley <webinars@example.com>`). */
  mailFrom: Type.String({ minLength: 3 }),
  /**
   * Several Janus WebSocket URLs to place rooms on (the least loaded healthy one), and to move a room
   * to when the Janus holding it dies. Instead of `janusUrl`, not with it.
   */
  janusUrls: Type.Array(Type.String({ pattern: '^wss?://\\S+$' }), { maxItems: 64 }),
  janusBinary: Type.String({ minLength: 1 }),
  /** Janus RTP port range, `min-max`. */
  janusRtpPorts: Type.String({ pattern: '^\\d+-\\d+$' }),
  /** Milliseconds every request to Janus may take before it is abandoned. */
  janusRequestTimeoutMs: Type.Integer({ minimum: 100 }),
  /**
   * Attendees of one webinar a Janus of the pool carries before further ones go to another Janus,
   * which the webinar's stage is relayed to (docs/SCALING.md, "Large webinars").
   */
  webinarAttendeesPerJanus: Type.Integer({ minimum: 1 }),
  /** How often room deadlines are checked. */
  lifecycleIntervalMs: Type.Integer({ minimum: 50 }),
  logLevel: Type.Union([
    Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'),
    Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent'),
  ]),
  /** Create the development account, application and demo room on start. */
  devBootstrap: Type.Boolean(),
  /** What `GET /dial-in-numbers` lists, in this order. */
  dialInNumbers: Type.Array(DialInNumber, { maxItems: 1000 }),
  /** Meetings API requests per second each application may make on this node; 0 turns the limit off. */
  rateLimitPerSecond: Type.Integer({ minimum: 0 }),
  /** Milliseconds one webhook delivery attempt may take, the receiver's answer included. */
  webhookTimeoutMs: Type.Integer({ minimum: 100 }),
  /** How often the webhook outbox is read for deliveries that became due. */
  webhookPollIntervalMs: Type.Integer({ minimum: 10 }),
  /** Webhook attempts under way at once, across receivers (each receiver has at most one). */
  webhookConcurrency: Type.Integer({ minimum: 1, maximum: 1000 }),
  /**
   * The most people who may send video (a camera or a screen share) at once in one meeting. Everyone
   * else may still talk and listen; whoever tries to go beyond it is told so.
   */
  maxPresenters: Type.Integer({ minimum: 1 }),
  /** Each participant may send `CHAT_RATE_LIMIT` chat messages in any window this long. */
  chatRateWindowMs: Type.Integer({ minimum: 100 }),
  /**
   * Which pages may show the meeting page in an iframe: a CSP `frame-ancestors` source list (`'self'
   * https://app.example.com https://*.example.org`, or `'none'`), sent with the page. Empty: any page
   * may, a file opened from disk included (no header is sent).
   */
  frameAncestors: Type.String({ pattern: FRAME_ANCESTORS_PATTERN }),
  /** The ffmpeg that composes recordings and decodes and recognises speech for live captions (a name on the PATH, or a path). */
  ffmpegBinary: Type.String({ minLength: 1 }),
  /** The janus-pp-rec that turns Janus's `.mjr` recordings into playable files. */
  janusPpRecBinary: Type.String({ minLength: 1 }),
  /**
   * Pocketsphinx's US English model folder (`en-us/`, `en-us.lm.bin`, `cmudict-en-us.dict`), which live
   * captions recognise speech with (through ffmpeg's `asr` filter).
   */
  pocketsphinxModelDir: Type.String({ minLength: 1 }),
  /**
   * A `redis://` (`rediss://`) URL: this node runs in a cluster with the others using the same Redis
   * (and the same database). Empty: the node runs on its own.
   */
  redisUrl: Type.String({ pattern: '^(rediss?://\\S+)?$' }),
  /**
   * Where the other nodes of a cluster reach this one (relayed signaling), e.g. `http://10.0.0.7:8080`.
   * Empty: `http://<host>:<port>` of this node's listener (with host `0.0.0.0`, the machine's first
   * non-internal IPv4 address).
   */
  nodeInternalUrl: Type.String({ pattern: '^(https?://[^/]+)?$' }),
});

export type Config = Static<typeof ConfigSchema>;
export type DialInNumber = Static<typeof DialInNumber>;

/**
 * Well above what an integration does (a few calls per meeting it schedules, bursts when a timetable
 * creates many rooms at once), well below what one node answers (thousands of room reads per second,
 * see bench/api.ts): one application's runaway loop cannot take the server from the others.
 */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 100;

/** The seed's room size: 200 participants, of whom 25 presenters. */
export const DEFAULT_MAX_PRESENTERS = 25;

/** A conversation's pace: five messages in five seconds; a sixth is a flood. */
export const DEFAULT_CHAT_RATE_WINDOW_MS = 5_000;

/**
 * `bench:webinar` measured 337–365 attendees of one 1.8 Mbit/s camera per core of Janus; 300 leaves a
 * Janus of one core some room for the stage's own connections and a screen share.
 */
export const DEFAULT_WEBINAR_ATTENDEES_PER_JANUS = 300;

/** Which environment variable sets which field, and how its text becomes a value. */
const ENVIRONMENT: Record<keyof Config, { name: string; parse: (text: string) => unknown }> = {
  port: { name: 'PARLEY_PORT', parse: Number },
  host: { name: 'PARLEY_HOST', parse: String },
  publicUrl: { name: 'PARLEY_PUBLIC_URL', parse: (t) => t.replace(/\/+$/, '') },
  dataDir: { name: 'PARLEY_DATA_DIR', parse: String },
  databaseUrl: { name: 'PARLEY_DATABASE_URL', parse: String },
  janusUrl: { name: 'PARLEY_JANUS_URL', parse: String },
  smtpUrl: { name: 'PARLEY_SMTP_URL', parse: String },
  mailFrom: { name: 'PARLEY_MAIL_FROM', parse: String },
  janusUrls: { name: 'PARLEY_JANUS_URLS', parse: (t) => t.split(',').map((url) => url.trim()).filter((url) => url !== '') },
  janusBinary: { name: 'PARLEY_JANUS_BINARY', parse: String },
  janusRtpPorts: { name: 'PARLEY_JANUS_RTP_PORTS', parse: String },
  janusRequestTimeoutMs: { name: 'PARLEY_JANUS_TIMEOUT_MS', parse: Number },
  webinarAttendeesPerJanus: { name: 'PARLEY_WEBINAR_ATTENDEES_PER_JANUS', parse: Number },
  lifecycleIntervalMs: { name: 'PARLEY_LIFECYCLE_INTERVAL_MS', parse: Number },
  logLevel: { name: 'PARLEY_LOG_LEVEL', parse: String },
  devBootstrap: { name: 'PARLEY_DEV_BOOTSTRAP', parse: (t) => !['0', 'false', 'no', 'off'].includes(t.toLowerCase()) },
  dialInNumbers: { name: 'PARLEY_DIAL_IN_NUMBERS', parse: (t) => JSON.parse(t) },
  rateLimitPerSecond: { name: 'PARLEY_RATE_LIMIT', parse: Number },
  webhookTimeoutMs: { name: 'PARLEY_WEBHOOK_TIMEOUT_MS', parse: Number },
  webhookPollIntervalMs: { name: 'PARLEY_WEBHOOK_POLL_INTERVAL_MS', parse: Number },
  webhookConcurrency: { name: 'PARLEY_WEBHOOK_CONCURRENCY', parse: Number },
  maxPresenters: { name: 'PARLEY_MAX_PRESENTERS', parse: Number },
  chatRateWindowMs: { name: 'PARLEY_CHAT_RATE_WINDOW_MS', parse: Number },
  frameAncestors: { name: 'PARLEY_FRAME_ANCESTORS', parse: (t) => t.trim().split(/\s+/).join(' ') },
  ffmpegBinary: { name: 'PARLEY_FFMPEG', parse: String },
  janusPpRecBinary: { name: 'PARLEY_JANUS_PP_REC', parse: String },
  pocketsphinxModelDir: { name: 'PARLEY_POCKETSPHINX_MODEL', parse: String },
  redisUrl: { name: 'PARLEY_REDIS_URL', parse: String },
  nodeInternalUrl: { name: 'PARLEY_NODE_INTERNAL_URL', parse: (t) => t.replace(/\/+$/, '') },
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Defaults, then the environment, then `overrides` (tests), then validation. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = 8080;
  const fromEnv: Partial<Record<keyof Config, unknown>> = {};
  for (const [key, { name, parse }] of Object.entries(ENVIRONMENT) as [keyof Config, (typeof ENVIRONMENT)[keyof Config]][]) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    try {
      fromEnv[key] = parse(text);
    } catch (error) {
      throw new ConfigError(`Invalid configuration:\n  ${name}: cannot be read (${(error as Error).message})`);
    }
  }
  const merged = { ...fromEnv, ...overrides };
  const dataDir = path.resolve(String(merged.dataDir ?? './data'));
  const config = {
    port,
    host: '0.0.0.0',
    publicUrl: `http://localhost:${merged.port ?? port}`,
    databaseUrl: `sqlite:${path.join(dataDir, 'parley.db')}`,
    janusUrl: '',
    smtpUrl: '',
    mailFrom: 'Parley <noreply@localhost>',
    janusUrls: [],
    janusBinary: 'janus',
    janusRtpPorts: '20000-40000',
    janusRequestTimeoutMs: 10_000,
    webinarAttendeesPerJanus: DEFAULT_WEBINAR_ATTENDEES_PER_JANUS,
    lifecycleIntervalMs: 5_000,
    logLevel: 'info',
    devBootstrap: true,
    dialInNumbers: [],
    rateLimitPerSecond: DEFAULT_RATE_LIMIT_PER_SECOND,
    // Standard Webhooks' advice: receivers answer quickly and work afterwards; 10 s is generous.
    webhookTimeoutMs: 10_000,
    webhookPollIntervalMs: 1_000,
    webhookConcurrency: 16,
    maxPresenters: DEFAULT_MAX_PRESENTERS,
    chatRateWindowMs: DEFAULT_CHAT_RATE_WINDOW_MS,
    frameAncestors: '',
    ffmpegBinary: 'ffmpeg',
    janusPpRecBinary: 'janus-pp-rec',
    // Where Debian's pocketsphinx-en-us puts it.
    pocketsphinxModelDir: '/usr/share/pocketsphinx/model/en-us',
    redisUrl: '',
    nodeInternalUrl: '',
    ...merged,
    dataDir,
  };
  if (!Value.Check(ConfigSchema, config)) {
    const problems = [...Value.Errors(ConfigSchema, config)].map((e) => {
      const [key = '', ...inside] = e.instancePath.replace(/^\//, '').split('/');
      const variable = ENVIRONMENT[key as keyof Config]?.name ?? key;
      // Inside a JSON setting, say where: `PARLEY_DIAL_IN_NUMBERS[1].number`.
      const where = inside.map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`)).join('');
      const got = [key, ...inside].reduce<unknown>((value, segment) => (value as Record<string, unknown> | undefined)?.[segment], config);
      return `${variable}${where}: ${e.message} (got ${typeof got === 'object' ? JSON.stringify(got) : String(got)})`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  if (config.janusUrl && config.janusUrls.length > 0) {
    throw new ConfigError('Invalid configuration:\n  PARLEY_JANUS_URL and PARLEY_JANUS_URLS are both set: list every Janus in PARLEY_JANUS_URLS');
  }
  return config;
}
