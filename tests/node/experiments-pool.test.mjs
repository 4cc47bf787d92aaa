// The experiments' worker pool (web/src/experiments/pool.js) with fake members that finish out of
// order: results delivered in call order, at most `size` calls at once, the first failing call's
// error after every earlier result, Cancel terminating the busy members; and with the real
// main-thread member, the pool's sweep equals the engine's own calls made one after another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPool, poolSize, defaultCallsPerMember } from '../../web/src/experiments/pool.js';
import { createExperimentCalls } from '../../web/src/experiments/calls.js';
import { ExperimentRun, schema } from '../../web/src/panels/experiments/runner.js';
import { loadEngine } from './load-engine.mjs';

/** A fake pool transport: members answer 'square' after a delay that varies with the argument, so later calls often finish first. */
function fakeMembers() {
  const log = { made: 0, disposed: 0, busy: 0, mostBusy: 0 };
  const makeMember = () => {
    log.made += 1;
    let alive = true;
    let pending = 0;
    return {
      mode: 'worker',
      call(method, x) {
        log.busy += 1;
        pending += 1;
        log.mostBusy = Math.max(log.mostBusy, log.busy);
        return new Promise((resolve, reject) => {
          setTimeout(() => {
            if (!alive) return;
            log.busy -= 1;
            pending -= 1;
            if (method === 'fail') reject(new Error(`run ${x} failed`));
            else resolve(x * x);
          }, (x * 7) % 5);
        });
      },
      dispose() {
        if (alive) log.busy -= pending;
        alive = false;
        log.disposed += 1;
      },
    };
  };
  return { log, makeMember };
}

const squares = (n) => Array.from({ length: n }, (_, x) => ({ method: 'square', args: [x] }));

test('pool: the size is the limit, or fewer cores, and at least one', () => {
  assert.equal(poolSize(4, 2), 2, 'expected one member per core on 2 cores');
  assert.equal(poolSize(4, 16), 4, 'expected the cap on 16 cores');
  assert.equal(poolSize(4, undefined), 1, 'expected one member where the core count is unknown');
  assert.equal(poolSize(schema.poolWorkers.max, 64), schema.poolWorkers.fallback, 'expected the schema default to be its cap');
});

test('pool: results arrive out of order but are delivered in call order, at most size x callsPerMember at once', async () => {
  const { log, makeMember } = fakeMembers();
  const pool = createPool({ size: () => 3, makeMember, callsPerMember: 2 });
  const delivered = [];
  const outcome = await pool.run(squares(40), (index, value) => delivered.push([index, value])).done;
  assert.equal(outcome, 'done');
  assert.deepEqual(delivered, Array.from({ length: 40 }, (_, x) => [x, x * x]), 'expected every result once, in index order');
  assert.equal(log.made, 3, 'expected three members, reused for every call');
  assert.equal(log.mostBusy, 6, 'expected two calls at once in each of three members');
  assert.deepEqual([pool.mode, pool.members], ['worker', 3], 'expected the pool to report three workers');
  assert.equal(await pool.run([], () => assert.fail('nothing to deliver')).done, 'done', 'expected an empty job done at once');
});

test('pool: a smaller size for the next job terminates the extra members', async () => {
  const { log, makeMember } = fakeMembers();
  let size = 3;
  const pool = createPool({ size: () => size, makeMember });
  assert.equal((await collect(pool, squares(9))).length, 9);
  size = 1;
  log.mostBusy = 0;
  assert.deepEqual(await collect(pool, squares(6)), [0, 1, 4, 9, 16, 25], 'expected every result in order');
  assert.deepEqual([log.mostBusy, log.disposed, pool.members], [defaultCallsPerMember, 2, 1], 'expected one member left, the other two terminated');
});

test('pool: a failing call rejects after every earlier result is delivered, and nothing later', async () => {
  const { makeMember } = fakeMembers();
  const pool = createPool({ size: () => 4, makeMember });
  const calls = squares(20);
  calls[11] = { method: 'fail', args: [11] };
  const delivered = [];
  await assert.rejects(pool.run(calls, (index) => delivered.push(index)).done, /run 11 failed/, 'expected the call\'s own error');
  assert.deepEqual(delivered, Array.from({ length: 11 }, (_, i) => i), 'expected the results before the failing call, in order');
  assert.deepEqual(await collect(pool, squares(5)), [0, 1, 4, 9, 16], 'expected the pool usable after an error');
});

test('pool: cancel terminates the busy members at once; a new job starts fresh ones; two jobs share the members', async () => {
  const { log, makeMember } = fakeMembers();
  const pool = createPool({ size: () => 2, makeMember });
  const delivered = [];
  const job = pool.run(squares(1000), (index) => delivered.push(index));
  await new Promise((resolve) => setTimeout(resolve, 30));
  job.cancel();
  assert.equal(await job.done, 'cancelled');
  const stopped = delivered.length;
  assert.ok(stopped > 0 && stopped < 1000, `expected a part of the runs before Cancel, got ${stopped}`);
  assert.equal(log.disposed, 2, 'expected both busy members terminated');
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(delivered.length, stopped, 'expected nothing delivered after Cancel');
  assert.deepEqual([pool.mode, pool.members], ['worker', 2], 'expected the pool to remember where the cancelled runs ran');
  const [a, b] = await Promise.all([collect(pool, squares(6)), collect(pool, squares(4))]);
  assert.deepEqual([a, b], [[0, 1, 4, 9, 16, 25], [0, 1, 4, 9]], 'expected both jobs complete and in order');
  assert.equal(log.made, 4, 'expected two fresh members after Cancel, shared by both jobs');
});

test('pool: ExperimentRun stores in step order, counts progress and cancels between results', async () => {
  const { makeMember } = fakeMembers();
  const pool = createPool({ size: () => 3, makeMember });
  const stored = [];
  const phases = [];
  const runner = new ExperimentRun(pool, () => phases.push(runner.phase));
  const steps = squares(30).map((step, i) => ({ ...step, store: (value) => stored.push([i, value]) }));
  await runner.run(steps);
  assert.deepEqual([runner.phase, runner.done, runner.total], ['done', 30, 30]);
  assert.deepEqual(stored, steps.map((_, i) => [i, i * i]), 'expected each result stored by its own step, in order');
  assert.deepEqual([phases[0], phases.at(-1)], ['running', 'done'], 'expected running first and done last');
  const again = runner.run(steps.map((step) => ({ ...step, store: () => {} })));
  runner.cancel();
  await again;
  assert.equal(runner.phase, 'cancelled', 'expected the cancel to stick');
});

test('pool: three main-thread members give the engine\'s sweep exactly, in order', async () => {
  const engine = await loadEngine();
  const spec = {
    data: { kind: 'circle', size: 60, seed: 1 },
    network: { hiddenLayers: [4], head: 'sigmoid_cross_entropy', init: 'he', alpha: 0.01 },
    batchSize: 10,
    steps: 40,
  };
  const nextSlice = () => new Promise((resolve) => setImmediate(resolve));
  const calls = [0.01, 0.5, 5].flatMap((rate) => [1, 2].flatMap((seed) => ['relu', 'leaky_relu']
    .map((activation) => ({ method: 'sweepPoint', args: [spec, activation, rate, seed] }))));
  const pool = createPool({ size: () => 3, makeMember: () => createExperimentCalls({ engine, useWorker: false, nextSlice }) });
  const pooled = await collect(pool, calls);
  assert.deepEqual(pooled, calls.map(({ args }) => engine.sweepPoint(...args)), 'expected the one-by-one engine results');
  assert.deepEqual([pool.mode, pool.members], ['main', 3], 'expected the main-thread members');
  pool.dispose();
});

/** The results of `calls` on `pool`, in delivery order. */
async function collect(pool, calls) {
  const results = [];
  await pool.run(calls, (index, value) => results.push(value)).done;
  return results;
}
