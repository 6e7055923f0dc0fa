import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCpuTicks, processCpuSeconds } from './process-cpu.js';

describe('process CPU', () => {
  it('adds user and system ticks, whatever the command name holds', () => {
    const stat = '4242 (janus (main) x) S 1 4242 4242 0 -1 4194560 2143 0 0 0 1234 567 0 0 20 0 9 0 1000 230686720 5630';
    assert.equal(parseCpuTicks(stat), 1234 + 567);
  });

  it('reads this process from /proc, and it only grows', () => {
    const before = processCpuSeconds(process.pid);
    let spin = 0;
    for (let i = 0; i < 5e7; i++) spin += i;
    assert.ok(spin > 0);
    assert.ok(processCpuSeconds(process.pid) > before);
  });
});
