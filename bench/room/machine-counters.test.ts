import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCpuLine, parseUdpReceiveBufferDrops, readMachineCounters } from './machine-counters.js';

describe('machine counters', () => {
  it('counts idle and I/O wait as not busy', () => {
    const stat = 'cpu  100 5 20 800 10 1 4 0 0 0\ncpu0 50 2 10 400 5 0 2 0 0 0\nintr 1 2 3\n';
    assert.deepEqual(parseCpuLine(stat), { total: 940, busy: 130 });
  });

  it('reads the UDP datagrams dropped for want of receive buffer', () => {
    const snmp = [
      'Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors',
      'Udp: 123456 2 17 99 15 0 0 0 0',
      'UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors',
      'UdpLite: 0 0 0 0 0 0 0 0 0',
    ].join('\n');
    assert.equal(parseUdpReceiveBufferDrops(snmp), 15);
  });

  it('reads this machine', () => {
    const counters = readMachineCounters();
    assert.ok(counters.cpuTotal >= counters.cpuBusy && counters.cpuBusy > 0);
  });
});
