import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** Every key Parley writes in Redis starts so, so that one Redis may serve other software too. */
export const KEY_PREFIX = 'parley:';

/**
 * Takes a lease if it is free, or renews it if this holder has it already: 1 when the caller holds
 * it now, 0 when another does. Atomic, so two nodes racing for a free lease never both win.
 */
const CLAIM = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if holder then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

/**
 * Renews each lease the caller still holds, and takes back one that lapsed with nobody else taking it
 * (Redis was out of reach for a while, or restarted empty); answers 1 or 0 per key. Never touches
 * another's lease.
 */
const RENEW = `
local held = {}
for i, key in ipairs(KEYS) do
  local holder = redis.call('GET', key)
  if holder == ARGV[1] then
    redis.call('PEXPIRE', key, ARGV[2])
    held[i] = 1
  elseif not holder then
    redis.call('SET', key, ARGV[1], 'PX', ARGV[2])
    held[i] = 1
  else
    held[i] = 0
  end
end
return held`;

/** Takes the lease from a holder known to be gone, unless somebody else took it meanwhile: 1 or 0. */
const TAKE_OVER = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;

/** Deletes the lease only if the caller holds it: a node never releases what another took since. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Leases in Redis, one key each (`<prefix><name>` = holder id, with a TTL), held by one holder (a
 * node) that renews all of its leases together. A lease another holder has by the next renewal is
 * lost: its listeners hear of it and the holder forgets it.
 *
 * While Redis cannot be reached, the holder keeps what it holds: no other node can take a lease
 * meanwhile (they cannot reach Redis either), so the meetings go on where they run, and the first
 * renewal once Redis answers again takes back what lapsed. The price is a partition that cuts one
 * node off from a Redis the others still reach: they may take its rooms after a TTL while it runs
 * them still, until it reaches Redis again and hears them lost.
 */
export class RedisLeases {
  /** What this holder holds. */
  private readonly held = new Set<string>();
  private readonly listeners = new Set<(name: string) => void>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly holder: string,
    private readonly ttlMs: number,
    private readonly logger: Logger,
  ) {}

  async claim(name: string): Promise<boolean> {
    const won = (await this.redis.eval(CLAIM, 1, this.prefix + name, this.holder, this.ttlMs)) === 1;
    if (won) this.held.add(name);
    return won;
  }

  /** Takes the lease from `gone` (a holder that died); false when it no longer holds it. */
  async takeOver(name: string, gone: string): Promise<boolean> {
    const won = (await this.redis.eval(TAKE_OVER, 1, this.prefix + name, gone, this.holder, this.ttlMs)) === 1;
    if (won) this.held.add(name);
    return won;
  }

  /** Who holds the lease, if anybody. */
  async holderOf(name: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + name)) ?? undefined;
  }

  holds(name: string): boolean {
    return this.held.has(name);
  }

  async release(name: string): Promise<void> {
    this.held.delete(name);
    await this.redis.eval(RELEASE, 1, this.prefix + name, this.holder);
  }

  async releaseAll(): Promise<void> {
    await Promise.all([...this.held].map((name) => this.release(name)));
  }

  onLost(listener: (name: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called once per heartbeat. */
  async renew(): Promise<void> {
    const names = [...this.held];
    if (names.length === 0) return;
    let answers: number[];
    try {
      answers = (await this.redis.eval(RENEW, names.length, ...names.map((name) => this.prefix + name), this.holder, this.ttlMs)) as number[];
    } catch (error) {
      this.logger.warn({ err: error, leases: names.length }, 'cannot renew leases in Redis; keeping them until it answers again');
      return;
    }
    names.forEach((name, index) => {
      if (!this.held.has(name)) return; // released meanwhile
      if (answers[index] !== 1) this.lose(name);
    });
  }

  private lose(name: string): void {
    if (!this.held.delete(name)) return;
    this.logger.warn({ lease: this.prefix + name }, 'lost a lease to another node');
    for (const listener of this.listeners) {
      try {
        listener(name);
      } catch (error) {
        this.logger.error({ err: error, lease: this.prefix + name }, 'a lost-lease listener failed');
      }
    }
  }
}
