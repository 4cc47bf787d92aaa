// The training runner (web/src/training/runner.js) on the WASM engine, driven by hand: a Step of
// many steps trains in slices between which other messages are handled, like Play, and ends in
// one frame at the target step; a setting the engine refuses comes back as an error message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './load-engine.mjs';
import { createRunner } from '../../web/src/training/runner.js';
import { blockOffsets } from '../../web/src/training/grid-blocks.js';
import { tileResolutions } from '../../web/src/training/views/network-diagram.js';

const engine = await loadEngine();

/** A runner whose scheduled slices wait in `tasks` until run() takes them; `sent` collects its messages. */
function manualRunner(options = {}) {
  const tasks = [];
  const sent = [];
  const runner = createRunner(engine, (message) => sent.push(message), { schedule: (fn) => tasks.push(fn), sliceMs: 0, frameMs: 60, ...options });
  const frames = () => sent.filter((m) => m.type === 'frame');
  const ack = () => runner.handle({ type: 'ack' });
  /** Runs queued slices until none is left (acknowledging each frame); returns how many ran. */
  const run = () => {
    let count = 0;
    while (tasks.length > 0) {
      tasks.shift()();
      count += 1;
      ack();
    }
    return count;
  };
  return { runner, sent, frames, ack, run, tasks };
}

const spec = { data: { kind: 'circle', size: 200, seed: 1 }, network: { hiddenLayers: [8, 8], seed: 12 }, settings: { learningRate: 0.03, batchSize: 10 } };

test('a step of 3000 steps trains in many slices and ends in one frame at step 3000', () => {
  const { runner, frames, ack, run } = manualRunner();
  runner.handle({ type: 'create', spec });
  ack();
  const before = frames().length;
  runner.handle({ type: 'step', steps: 3000 });
  const slices = run();
  assert.ok(slices > 1, `expected the step to yield between slices, got ${slices} slice(s)`);
  const after = frames().slice(before);
  assert.equal(after.length, 1, 'expected one frame for the whole step');
  assert.equal(after[0].status.step, 3000);
  assert.equal(after[0].timing.steps, 3000);
  runner.handle({ type: 'clear' });
});

test('a pause between the slices of a long step ends it early at the step reached', () => {
  const { runner, frames, ack, tasks } = manualRunner();
  runner.handle({ type: 'create', spec });
  ack();
  runner.handle({ type: 'step', steps: 100000 });
  tasks.shift()();
  runner.handle({ type: 'pause' });
  const last = frames().at(-1);
  assert.ok(last.status.step > 0 && last.status.step < 100000, `expected a partial step, got ${last.status.step}`);
  ack();
  while (tasks.length > 0) tasks.shift()();
  assert.equal(frames().at(-1).status.step, last.status.step, 'expected no training after the pause');
  runner.handle({ type: 'clear' });
});

test('a refused setting comes back as an error message naming it, and the runner keeps training', () => {
  const { runner, sent, frames, ack, run } = manualRunner();
  runner.handle({ type: 'create', spec });
  ack();
  runner.handle({ type: 'settings', settings: { batchSize: 0 } });
  const error = sent.find((m) => m.type === 'error');
  assert.match(error?.message ?? '', /batchSize/);
  runner.handle({ type: 'step', steps: 5 });
  run();
  assert.equal(frames().at(-1).status.step, 5);
  runner.handle({ type: 'clear' });
});

test('an edit at an earlier step drops the later history rows from the frames, as the page keeps them', () => {
  const { runner, frames, ack, run } = manualRunner();
  const rows = [];
  const keep = (frame) => {
    rows.length = Math.min(rows.length, frame.history.from);
    rows.push(...frame.history.step);
  };
  runner.handle({ type: 'create', spec });
  ack();
  runner.handle({ type: 'step', steps: 400 });
  run();
  runner.handle({ type: 'seek', step: 100 });
  ack();
  const parameters = frames().at(-1).parameters;
  runner.handle({ type: 'edit', edit: 'parameter', layer: 0, unit: 0, input: 0, value: parameters[0].weights[0] + 0.5 });
  ack();
  runner.handle({ type: 'step', steps: 60 });
  run();
  frames().forEach(keep);
  assert.equal(frames().at(-1).status.step, 160);
  assert.ok(rows.length > 0 && rows.at(-1) <= 160, `expected the kept rows to end by step 160, got ${rows.at(-1)}`);
  assert.ok(rows.every((step, i) => i === 0 || step > rows[i - 1]), `expected increasing steps (no row of the dropped run), got ${rows.join(' ')}`);
  assert.ok(rows.some((step) => step > 100), 'expected rows after the edit');
  runner.handle({ type: 'clear' });
});

test('a pipelined runner trains the next frame while the page draws, holds it until the ack, and goes no further ahead', () => {
  const tasks = [];
  const sent = [];
  const runner = createRunner(engine, (message) => sent.push(message), { schedule: (fn) => tasks.push(fn), sliceMs: 1000, frameMs: 1000, pipeline: true });
  const frames = () => sent.filter((m) => m.type === 'frame');
  const drain = () => { while (tasks.length > 0) tasks.shift()(); };
  runner.handle({ type: 'create', spec });
  runner.handle({ type: 'ack' });
  runner.handle({ type: 'speed', unit: 'steps', amount: 50 });
  runner.handle({ type: 'play' });
  drain();
  assert.deepEqual(frames().map((f) => f.status.step), [0, 50], 'expected the first trained frame sent at once');
  drain();
  assert.deepEqual(frames().map((f) => f.status.step), [0, 50], 'expected the next frame held until the page acknowledges the last');
  runner.handle({ type: 'ack' });
  assert.deepEqual(frames().map((f) => f.status.step), [0, 50, 100], 'expected the held frame (trained while the page drew) sent on the ack');
  drain();
  runner.handle({ type: 'ack' });
  runner.handle({ type: 'pause' });
  drain();
  runner.handle({ type: 'ack' });
  runner.handle({ type: 'ack' });
  drain();
  const steps = frames().map((f) => f.status.step);
  assert.deepEqual(steps, [0, 50, 100, 150, 150], 'expected one frame per 50 steps, then the paused frame at the step reached');
  assert.equal(frames().at(-1).status.running, false, 'expected the last frame to say the run is paused');
  assert.equal(tasks.length, 0, 'expected no training after the pause');
  runner.handle({ type: 'clear' });
});

test('tiles sent before create: the first frame has each hidden tile at its drawn size and the output heatmap whole at 100 x 100', () => {
  const view = { resolution: 100, domain: { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 } };
  const firstFrame = (tiles) => {
    const { runner, frames } = manualRunner();
    if (tiles) runner.handle({ type: 'tiles', resolutions: tiles });
    runner.handle({ type: 'create', spec, view });
    return frames()[0];
  };
  const tiles = tileResolutions(spec.network.hiddenLayers);
  const drawn = firstFrame(tiles);
  const large = firstFrame(null);
  assert.deepEqual(drawn.gridResolutions, [...tiles, 100], 'expected the hidden tiles at their drawn size and the output at 100');
  const outputOf = (frame) => Array.from(frame.grid.subarray(blockOffsets(frame.gridResolutions)[16]));
  assert.deepEqual(outputOf(drawn), outputOf(large), 'expected the same output heatmap as a frame with every tile at 100');
});

test('while playing, a costly statistics row is recorded at most every statsEveryMs; the paused frame has the exact history, units and deaths', () => {
  const killing = { network: { hiddenLayers: [8, 8], activation: 'relu', seed: 3 }, data: { kind: 'xor', size: 400, noise: 0.1, seed: 2, trainFraction: 0.5 }, settings: { learningRate: 2, batchSize: 10 }, statsEvery: 0 };
  const checkEvery = 7 * (200 / 10); // training checks unit life every 7 epochs of its 200 points
  const play = (options, stopLoss = 0, steps = 20, stopSteps = 300) => {
    const { runner, frames, tasks, ack } = manualRunner(options);
    runner.handle({ type: 'create', spec: killing });
    ack();
    runner.handle({ type: 'speed', unit: 'steps', amount: steps });
    runner.handle({ type: 'stopCondition', steps: stopSteps, loss: stopLoss });
    runner.handle({ type: 'play' });
    while (tasks.length > 0) {
      tasks.shift()();
      ack();
    }
    const all = frames();
    runner.handle({ type: 'clear' });
    return all;
  };
  const exactAt = (step) => {
    const trainer = engine.createTrainer(killing);
    trainer.train(step);
    const exact = { ...trainer.units({ settle: false }), deaths: trainer.deaths().map((d) => d.step) };
    trainer.delete();
    return exact;
  };
  const reference = engine.createTrainer(killing);
  reference.train(300);
  const exact = { units: reference.units(), deaths: reference.deaths().map((d) => d.step) };
  reference.delete();
  const rowsUpTo = (frames, i) => frames.slice(0, i + 1).flatMap((f) => Array.from(f.history.step));
  const deathsOf = (frames) => frames.flatMap((f) => f.deaths.map((d) => d.step));
  assert.ok(exact.deaths.length >= 2, `expected units to die at learning rate 2 (${exact.deaths.length} deaths)`);

  // Every row costs more than statsMs -1 and the next is due only after 10^9 ms: rows at the first trained frame and the last (halted at 300 steps).
  const throttled = play({ statsMs: -1, statsEveryMs: 1e9 });
  const playing = throttled.slice(2, -1);
  assert.ok(playing.length >= 10, `expected frames while playing, got ${playing.length}`);
  for (const frame of playing) {
    assert.equal(frame.history.step.length, 0, `step ${frame.status.step}: expected no statistics row while one is not due`);
    assert.deepEqual(frame.deaths, [], `step ${frame.status.step}: expected no deaths sent`);
    assert.deepEqual(frame.units, throttled[1].units, `step ${frame.status.step}: expected the last units resent`);
    const { lifeCheckedTo, lifePending } = frame.timeline;
    assert.ok(lifePending || lifeCheckedTo % checkEvery === 0, `step ${frame.status.step}: expected the life record checked only by training (to ${lifeCheckedTo})`);
  }
  const last = throttled.at(-1);
  assert.equal(last.status.step, 300);
  assert.equal(last.status.running, false);
  assert.deepEqual(rowsUpTo(throttled, throttled.length - 1).slice(-1), [300], 'expected the halted frame to record the row of its step');
  assert.deepEqual(last.units, exact.units, 'expected the halted frame to send the units of its step');
  assert.equal(last.timeline.lifeCheckedTo, 300);
  assert.deepEqual(deathsOf(throttled), exact.deaths, 'expected every death sent by the halted frame (checked where a trainer trained in one call checks)');
  assert.deepEqual(deathsOf(throttled.slice(0, -1)), [], 'expected none before it');

  // A frame settles the life search for settleMs at most (0: one sub-interval), the units still fresh, and a row comes once
  // the search has reached its step (a row on every frame: statsShare Infinity lets rows take any share of the time). Frames of 150 steps, over the 140 between training's checks: each one's training queues a search.
  const settling = play({ statsMs: -1, statsEveryMs: 0, statsShare: Infinity, settleMs: 0 }, 0, 150, 3000);
  // Cheap rows on every frame of 20 steps: the search a row's own check queues (one sub-interval settled) holds that row back.
  const rowQueued = play({ statsMs: 1e9, settleMs: 0 });
  for (const [frames, why] of [[settling, 'training queues'], [rowQueued, 'rows queue']]) {
    const held = frames.filter((frame) => frame.timeline.lifePending && frame.status.running);
    assert.ok(held.length >= 1, `${why}: expected frames with the life search pending`);
    for (const frame of held) assert.ok(frame.timeline.lifeCheckedTo < frame.status.step);
    for (const frame of frames) {
      for (const step of frame.history.step) assert.ok(step <= frame.timeline.lifeCheckedTo, `${why}: row ${step} sent before the record reached it`);
    }
    const rows = rowsUpTo(frames, frames.length - 1);
    const steps = [...new Set(frames.map((frame) => frame.status.step))];
    assert.deepEqual(rows, steps, `${why}: expected one row per frame's step, each sent once and in order`);
    assert.ok(held.some((frame) => !Array.from(frame.history.step).includes(frame.status.step)), `${why}: expected a row held back`);
  }
  for (const frame of settling.filter((f) => f.timeline.lifePending && f.status.running)) {
    assert.equal(frame.units.dead, exactAt(frame.status.step).dead, `step ${frame.status.step}: expected the units of the step`);
  }
  // Which steps are checked depends on the frames, so the record is compared with itself: every death sent once, in order.
  const sent = deathsOf(rowQueued);
  assert.equal(sent.length, rowQueued.at(-1).timeline.deaths);
  assert.deepEqual(sent, [...sent].sort((a, b) => a - b));
  assert.ok(sent.length >= exact.deaths.length);
  const lastSettling = settling.at(-1);
  const { deaths: allDeaths, ...unitsAt3000 } = exactAt(3000);
  assert.equal(lastSettling.status.step, 3000);
  assert.equal(lastSettling.timeline.lifePending, false);
  assert.deepEqual(lastSettling.units.layers.map((l) => l.state), unitsAt3000.layers.map((l) => l.state));
  assert.equal(deathsOf(settling).length, lastSettling.timeline.deaths, 'expected every death sent once');
  assert.ok(allDeaths.length >= 2);

  // Cheap rows (under the default 2 ms here) and a loss to stop at are recorded on every frame.
  for (const [frames, why] of [[play({ statsMs: 1e9 }), 'cheap rows'], [play({ statsMs: -1, statsEveryMs: 1e9 }, 1e-9), 'a loss to stop at']]) {
    frames.forEach((frame, i) => assert.equal(rowsUpTo(frames, i).at(-1), frame.status.step, `${why}: expected a row at step ${frame.status.step}`));
    assert.deepEqual(frames.at(-1).units, exact.units);
  }
});

test('a frame paused while the life search is pending has no row; the search settles between frames and an exact frame follows', () => {
  const killing = { network: { hiddenLayers: [8, 8], activation: 'relu', seed: 3 }, data: { kind: 'xor', size: 400, noise: 0.1, seed: 2, trainFraction: 0.5 }, settings: { learningRate: 2, batchSize: 10 }, statsEvery: 0 };
  const { runner, frames, tasks, ack } = manualRunner({ statsMs: -1, statsEveryMs: 1e9, settleMs: 0 });
  runner.handle({ type: 'create', spec: killing });
  ack();
  runner.handle({ type: 'speed', unit: 'steps', amount: 150 });
  runner.handle({ type: 'play' });
  while (!frames().at(-1).timeline.lifePending) {
    assert.ok(frames().length < 40, 'expected a frame with the life search pending');
    tasks.shift()();
    ack();
  }
  tasks.length = 0;  // the next training slice never runs: the run pauses here
  runner.handle({ type: 'pause' });
  ack();
  const paused = frames().at(-1);
  const step = paused.status.step;
  assert.equal(paused.status.running, false);
  assert.equal(paused.timeline.lifePending, true, 'expected the paused frame sent before the search is settled');
  assert.equal(paused.history.step.length, 0);
  assert.ok(tasks.length > 0, 'expected the search settled in slices between frames');
  let slices = 0;
  while (tasks.length > 0) {
    tasks.shift()();
    ack();
    slices += 1;
  }
  const exact = frames().at(-1);
  assert.ok(slices >= 2, `expected the search settled over several slices, got ${slices}`);
  assert.equal(exact.status.step, step);
  assert.equal(exact.timeline.lifePending, false);
  assert.deepEqual(Array.from(exact.history.step).slice(-1), [step], 'expected the exact frame to record the row of the step');
  const reference = engine.createTrainer(killing);
  reference.train(step);
  reference.recordStats();
  assert.deepEqual(exact.units, reference.units());
  const sent = frames().flatMap((f) => f.deaths.map((d) => d.step));
  assert.deepEqual(sent, sent.slice().sort((a, b) => a - b));
  assert.equal(sent.length, exact.timeline.deaths, 'expected every death sent once');
  reference.delete();
  runner.handle({ type: 'clear' });
});
