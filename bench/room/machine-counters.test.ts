import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dropsBetween, parseCpuLine, parseUdpSocketDrops, readMachineCounters, socketInodes } from './machine-counters.js';

describe('machine counters', () => {
  it('counts idle and I/O wait as not busy', () => {
    const stat = 'cpu  100 5 20 800 10 1 4 0 0 0\ncpu0 50 2 10 400 5 0 2 0 0 0\nintr 1 2 3\n';
    assert.deepEqual(parseCpuLine(stat), { total: 940, busy: 130 });
  });

  it('reads each UDP socket’s drops by inode', () => {
    const table = [
      '   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops',
      '  101: 0100C90A:A9DA 00000000:0000 07 00000000:00002A80 00:00000000 00000000     0        0 88213 2 0000000000000000 10',
      '  210: 00000000:B071 00000000:0000 07 00000000:00033C40 00:00000000 00000000     0        0 88305 2 0000000000000000 4312',
      '',
    ].join('\n');
    assert.deepEqual([...parseUdpSocketDrops(table)], [['88213', 10], ['88305', 4312]]);
  });

  it('splits a window’s drops between one process’s sockets and the rest, new sockets counting whole', () => {
    const before = new Map([['1', 5], ['2', 100]]);
    const after = new Map([['1', 8], ['2', 150], ['3', 7]]);
    assert.deepEqual(dropsBetween(before, after, new Set(['1'])), { owned: 3, others: 57 });
  });

  it('reads this machine and this process', () => {
    const counters = readMachineCounters();
    assert.ok(counters.cpuTotal >= counters.cpuBusy && counters.cpuBusy > 0);
    assert.ok(socketInodes(process.pid) instanceof Set);
  });
});
