// The frame statistics' budget (web/src/training/frame-stats.js) on a stand-in trainer and clock:
// how much of the life search a frame settles, and when a row's frame leaves it to the next frames.
// The runner's tests (runner.test.mjs) check the same module on the real engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFrameStats } from '../../web/src/training/frame-stats.js';

/** A trainer whose search has `intervals` sub-intervals left, each costing `intervalMs` on the shared clock. */
function standIn({ intervals = 0, intervalMs = 6, rowMs = 10, rowQueues = 1 } = {}) {
  const clock = { ms: 0 };
  const log = [];
  let left = intervals;
  const trainer = {
    settleLife() {
      if (left > 0) {
        left -= 1;
        clock.ms += intervalMs;
        log.push('interval');
      }
      return left === 0;
    },
    recordStats({ settle }) {
      clock.ms += rowMs;
      left += rowQueues;
      log.push(settle ? 'row (settled)' : 'row');
      if (settle) left = 0;
      return true;
    },
    units: () => ({ dead: 0 }),
  };
  return { trainer, clock, log, left: () => left };
}

const options = (clock) => ({ statsMs: 2, statsEveryMs: 100, settleMs: 12, workMs: 20, now: () => clock.ms });

test('a playing frame settles until its training and settling reach workMs, and at least one sub-interval', () => {
  const { trainer, clock, log, left } = standIn({ intervals: 10 });
  const stats = createFrameStats(options(clock));
  assert.equal(stats.settle(trainer, 2), 12, 'expected two 6 ms sub-intervals (budget 12 ms after 2 ms of training)');
  assert.equal(left(), 8);
  assert.equal(stats.settle(trainer, 19), 6, 'expected one sub-interval when the training used the budget');
  assert.equal(log.length, 3);
});

test('a row frame whose training left the search pending and used the budget leaves the search to the next frames', () => {
  const { trainer, clock, log } = standIn({ intervals: 5 });
  const stats = createFrameStats(options(clock));
  stats.settle(trainer, 15);  // the frame's training: one sub-interval, four left
  log.length = 0;
  const frame = stats.take(trainer, { running: true, stopLoss: 0, diverged: false, spentMs: 21 });
  assert.deepEqual(log, ['row'], 'expected the row and no settling after it');
  assert.equal(frame.recorded, false, 'expected the row not complete: its search is pending');
});

test('a row frame settles the row\'s own check when nothing was pending, and counts the row in the budget', () => {
  const { trainer, clock, log } = standIn({ intervals: 0, rowQueues: 3 });
  const stats = createFrameStats(options(clock));
  stats.settle(trainer, 2);  // nothing pending
  const frame = stats.take(trainer, { running: true, stopLoss: 0, diverged: false, spentMs: 4 });
  assert.deepEqual(log, ['row', 'interval'], 'expected one sub-interval: 4 ms of training and a 10 ms row leave 6 ms of the 20');
  assert.equal(frame.recorded, false);
});

test('paused or stopping at a loss, a row frame settles as before', () => {
  for (const [running, stopLoss] of [[false, 0], [true, 0.1]]) {
    const { trainer, clock, log } = standIn({ intervals: 5 });
    const stats = createFrameStats({ ...options(clock), schedule: () => {} });
    stats.settle(trainer, 15);
    log.length = 0;
    stats.take(trainer, { running, stopLoss, diverged: false, spentMs: 21 });
    if (stopLoss > 0) assert.deepEqual(log, ['row (settled)'], 'expected a row with its search settled when stopping at a loss');
    else assert.deepEqual(log, ['row', 'interval'], 'expected a paused frame to settle one sub-interval and the rest between frames');
  }
});

test('while playing, costly rows come every statsEveryMs, or later when they would take more than statsShare of the time', () => {
  for (const [rowMs, every] of [[5, 100], [20, 200]]) {
    const { trainer, clock, log } = standIn({ rowMs, rowQueues: 0 });
    const stats = createFrameStats(options(clock));
    const rowsAt = [];
    while (clock.ms < 1000) {
      const before = log.length;
      stats.take(trainer, { running: true, stopLoss: 0, diverged: false, spentMs: 0 });
      if (log.length > before) rowsAt.push(clock.ms - rowMs);
      clock.ms += 1;
    }
    const gaps = rowsAt.slice(1).map((t, i) => t - rowsAt[i]);
    assert.ok(gaps.every((gap) => gap >= every && gap <= every + 1), `${rowMs} ms rows: expected one every ${every} ms, got gaps ${gaps}`);
  }
});
