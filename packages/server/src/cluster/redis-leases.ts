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

/** Renews each lease the caller still holds; answers 1 or 0 per key. Never touches another's lease. */
const RENEW = `
local held = {}
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    redis.call('PEXPIRE', key, ARGV[2])
    held[i] = 1
  else
    held[i] = 0
  end
end
return held`;

/** Deletes the lease only if the caller holds it: a node never releases what another took since. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Leases in Redis, one key each (`<prefix><name>` = holder id, with a TTL), held by one holder (a
 * node) that renews all of its leases together. A lease whose renewal fails for a whole TTL, or that
 * another holder has by then, is lost: its listeners hear of it and the holder forgets it.
 */
export class RedisLeases {
  /** What this holder holds, and when each was last known to be its own. */
  private readonly held = new Map<string, number>();
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
    if (won) this.held.set(name, Date.now());
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
    await Promise.all([...this.held.keys()].map((name) => this.release(name)));
  }

  onLost(listener: (name: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called once per heartbeat. */
  async renew(): Promise<void> {
    const names = [...this.held.keys()];
    if (names.length === 0) return;
    const startedAt = Date.now();
    let answers: number[];
    try {
      answers = (await this.redis.eval(RENEW, names.length, ...names.map((name) => this.prefix + name), this.holder, this.ttlMs)) as number[];
    } catch (error) {
      this.logger.warn({ err: error, leases: names.length }, 'cannot renew leases in Redis');
      // Redis may have let them lapse by now: past a TTL without a renewal, another holder may have them.
      for (const name of names) if (startedAt - (this.held.get(name) ?? 0) >= this.ttlMs) this.lose(name);
      return;
    }
    names.forEach((name, index) => {
      if (!this.held.has(name)) return; // released meanwhile
      if (answers[index] === 1) this.held.set(name, startedAt);
      else this.lose(name);
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
