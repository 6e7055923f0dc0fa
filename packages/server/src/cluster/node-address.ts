import os from 'node:os';
import type { Config } from '../config.js';

/**
 * Where the other nodes reach this one: `PARLEY_NODE_INTERNAL_URL`, else this node's listener. A
 * listener on every interface (`0.0.0.0`, `::`) is reached at the machine's first non-internal IPv4
 * address (loopback when it has none): set the variable where that is not the network the nodes share.
 */
export function nodeInternalUrl(config: Pick<Config, 'nodeInternalUrl' | 'host' | 'port'>): string {
  if (config.nodeInternalUrl !== '') return config.nodeInternalUrl;
  const everywhere = config.host === '0.0.0.0' || config.host === '::';
  const host = everywhere ? firstExternalIpv4() ?? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

function firstExternalIpv4(): string | undefined {
  for (const addresses of Object.values(os.networkInterfaces())) {
    const found = addresses?.find((address) => address.family === 'IPv4' && !address.internal);
    if (found) return found.address;
  }
  return undefined;
}
