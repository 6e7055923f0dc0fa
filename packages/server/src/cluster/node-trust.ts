import { createHmac, timingSafeEqual } from 'node:crypto';

/** The client's address, as the node the page reached saw it. */
export const RELAYED_FOR_HEADER = 'x-parley-relayed-for';
/** `<issued at, ms>.<HMAC-SHA256 of issued-at and address>`, by the cluster's shared key. */
export const RELAY_SIGNATURE_HEADER = 'x-parley-relay-signature';
/** A signature older than this is refused, so that a leaked one is soon worth nothing. */
const SIGNATURE_LIFETIME_MS = 60_000;

/**
 * Lets a node tell another, on a relayed connection, which address the page connected from: the owner
 * counts wrong room passwords per address, and must not see every relayed page as the relaying node.
 * Only another node can vouch, with a key derived from the server key that every node reads from the
 * shared database; a page sending the same headers itself is not believed.
 */
export class NodeTrust {
  constructor(
    private readonly key: Uint8Array,
    private readonly now: () => number = Date.now,
  ) {}

  /** The headers a relaying node sends for a page connected from `address`. */
  vouchFor(address: string): Record<string, string> {
    const issuedAt = String(this.now());
    return { [RELAYED_FOR_HEADER]: address, [RELAY_SIGNATURE_HEADER]: `${issuedAt}.${this.sign(issuedAt, address)}` };
  }

  /** The address another node vouched for in these headers, or undefined when none did (or not validly). */
  vouchedAddress(headers: Record<string, string | string[] | undefined>): string | undefined {
    const address = headers[RELAYED_FOR_HEADER];
    const signature = headers[RELAY_SIGNATURE_HEADER];
    if (typeof address !== 'string' || typeof signature !== 'string') return undefined;
    const [issuedAt = '', mac = ''] = signature.split('.');
    const age = this.now() - Number(issuedAt);
    if (!(age >= -SIGNATURE_LIFETIME_MS && age <= SIGNATURE_LIFETIME_MS)) return undefined;
    const expected = Buffer.from(this.sign(issuedAt, address));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? address : undefined;
  }

  private sign(issuedAt: string, address: string): string {
    return createHmac('sha256', this.key).update(`${issuedAt}\n${address}`).digest('base64url');
  }
}
