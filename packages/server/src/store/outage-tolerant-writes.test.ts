import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { TestClock } from '../test-support/test-services.js';
import { isDatabaseUnreachable } from './database-unreachable.js';
import { OutageTolerantWrites } from './outage-tolerant-writes.js';

const refused = (): Error => Object.assign(new Error('connect ECONNREFUSED /tmp/pg/.s.PGSQL.5432'), { code: 'ECONNREFUSED' });

/** A database that is down until `up()`: writes then land in `rows`, in the order they reach it. */
class FlakyDatabase {
  readonly rows: string[] = [];
  private reachable = true;
  down(): void {
    this.reachable = false;
  }
  up(): void {
    this.reachable = true;
  }
  write(row: string): () => Promise<void> {
    return async () => {
      if (!this.reachable) throw refused();
      this.rows.push(row);
    };
  }
}

/** Lets the promise chains of kept writes run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('OutageTolerantWrites', () => {
  const setUp = () => {
    const scheduler = new TestClock();
    const database = new FlakyDatabase();
    const writes = new OutageTolerantWrites({ scheduler, logger: pino({ level: 'silent' }) });
    return { scheduler, database, writes };
  };

  it('writes at once while the database is reachable', async () => {
    const { database, writes } = setUp();
    await writes.run('first', database.write('first'));
    assert.deepEqual(database.rows, ['first']);
    assert.equal(writes.waiting, 0);
  });

  it('keeps writes through an outage and writes them, in order, once the database is back', async () => {
    const { scheduler, database, writes } = setUp();
    await writes.run('joined', database.write('joined'));
    database.down();
    await writes.run('left', database.write('left'));
    await writes.run('ended', database.write('ended'));
    assert.equal(writes.waiting, 2, 'both kept; the callers went on');
    scheduler.advance(10_000);
    await settle();
    assert.equal(writes.waiting, 2, 'tried again, still down');
    database.up();
    scheduler.advance(10_000);
    await settle();
    assert.deepEqual(database.rows, ['joined', 'left', 'ended']);
    assert.equal(writes.waiting, 0);
  });

  it('queues a new write behind kept ones, so nothing overtakes what came first', async () => {
    const { scheduler, database, writes } = setUp();
    database.down();
    await writes.run('left', database.write('left'));
    database.up();
    // Reachable again, but the kept write has not been retried yet: this one must wait its turn.
    await writes.run('ended', database.write('ended'));
    assert.deepEqual(database.rows, []);
    scheduler.advance(1_000);
    await settle();
    assert.deepEqual(database.rows, ['left', 'ended']);
  });

  it('passes a refusal by the database to the caller, and keeps nothing', async () => {
    const { database, writes } = setUp();
    await assert.rejects(
      writes.run('bad', async () => {
        throw Object.assign(new Error('duplicate key'), { code: '23505' });
      }),
      /duplicate key/,
    );
    assert.equal(writes.waiting, 0);
    await writes.run('next', database.write('next'));
    assert.deepEqual(database.rows, ['next']);
  });

  it('drops what it still keeps when closed, and tries no more', async () => {
    const { scheduler, database, writes } = setUp();
    database.down();
    await writes.run('left', database.write('left'));
    writes.close();
    database.up();
    scheduler.advance(60_000);
    await settle();
    assert.deepEqual(database.rows, []);
    assert.equal(writes.waiting, 0);
  });
});

describe('isDatabaseUnreachable', () => {
  it('recognizes a server that is down, restarting or gone mid-statement', () => {
    assert.ok(isDatabaseUnreachable(refused()));
    assert.ok(isDatabaseUnreachable(Object.assign(new Error('connect ENOENT /tmp/x/.s.PGSQL.5432'), { code: 'ENOENT' })));
    assert.ok(isDatabaseUnreachable(Object.assign(new Error('the database system is starting up'), { code: '57P03' })));
    assert.ok(isDatabaseUnreachable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })));
    assert.ok(isDatabaseUnreachable(Object.assign(new Error('connection failure'), { code: '08006' })));
    assert.ok(isDatabaseUnreachable(new Error('Connection terminated unexpectedly')));
    assert.ok(isDatabaseUnreachable(new AggregateError([refused(), refused()])));
  });

  it('leaves a refused statement to its caller', () => {
    assert.ok(!isDatabaseUnreachable(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' })));
    assert.ok(!isDatabaseUnreachable(Object.assign(new Error('SQLITE_CONSTRAINT'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })));
    assert.ok(!isDatabaseUnreachable(new TypeError('cannot read properties of undefined')));
    assert.ok(!isDatabaseUnreachable('ECONNREFUSED'));
  });
});
