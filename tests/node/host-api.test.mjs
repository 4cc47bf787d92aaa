// The host-page protocol's pure parts (web/src/host-api.js): which messages are commands, which
// are rejected and why, all-or-nothing settings, allowed origins, and the training events made
// from a sequence of playground status reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseCommand, patchSettings, parseOrigins, originAllowed, trainingEvents, runCommand, message, protocol, version,
} from '../../web/src/host-api.js';
import { field } from '../../web/src/settings.js';

const panel = { id: 'demo', schema: { learningRate: field.number(0.03, 0.0001, 10), layers: field.list([8, 8], field.integer(1, 1, 32), 0, 6) } };
const command = (fields) => ({ protocol, version, ...fields });

test('messages not meant for the app are ignored; messages meant for it but unusable are rejected with a reason', () => {
  for (const data of ['play', 42, null, [1], { command: 'play' }, { protocol: 'other', version, command: 'play' }, command({ command: 5 }), Object.create({ protocol })]) {
    assert.equal(parseCommand(data, ['demo']), null, `expected ${JSON.stringify(data)} ignored`);
  }
  const rejected = [
    [command({ version: 2, command: 'play' }), /version 2 is not 1/],
    [command({ command: 'launch' }), /unknown command launch/],
    [command({ command: 'set', settings: 'learningRate=9' }), /settings must be an object/],
    [command({ command: 'set', settings: [1] }), /settings must be an object/],
    [command({ command: 'select', panel: 'nope' }), /unknown panel/],
    [command({ command: 'step', steps: 0 }), /steps must be an integer/],
    [command({ command: 'step', steps: 1.5 }), /steps must be an integer/],
    [command({ command: 'set', settings: { layers: 'x'.repeat(30000) } }), /too large/],
  ];
  for (const [data, reason] of rejected) assert.match(parseCommand(data, ['demo']).rejected, reason, `expected ${JSON.stringify(data).slice(0, 80)} rejected`);
  assert.deepEqual(parseCommand(command({ command: 'step' }), ['demo']), { command: 'step', steps: 1 }, 'expected one step by default');
  assert.deepEqual(parseCommand(command({ command: 'select', panel: 'demo' }), ['demo']), { command: 'select', panel: 'demo' });
});

test('set is all or nothing: one unknown key or invalid value rejects every change', () => {
  const current = { learningRate: 0.03, layers: [8, 8] };
  assert.deepEqual(patchSettings(panel, current, { learningRate: 3 }), { settings: { learningRate: 3, layers: [8, 8] } });
  assert.deepEqual(patchSettings(panel, current, { learningRate: 3, nope: 1 }), { rejected: ['nope'] });
  assert.deepEqual(patchSettings(panel, current, { learningRate: 30, layers: [4] }), { rejected: ['learningRate'] });
  assert.deepEqual(patchSettings(panel, current, JSON.parse('{"__proto__": {"polluted": true}}')), { rejected: ['__proto__'] });
  assert.equal(({}).polluted, undefined, 'expected no prototype pollution');
  const applied = [];
  const target = { panel, settings: () => current, apply: (next) => applied.push(next), select() {}, mounted: () => ({ play() { applied.push('play'); } }) };
  assert.equal(runCommand({ command: 'set', settings: { learningRate: 'fast' } }, target), 'invalid settings: learningRate');
  assert.equal(runCommand({ command: 'pause' }, target), 'demo has no pause');
  assert.equal(runCommand({ command: 'play' }, target), null);
  assert.deepEqual(applied, ['play'], 'expected only the valid command to act');
});

test('allowed origins: exact origins or *, nothing else; a message from another origin is not allowed', () => {
  assert.deepEqual(parseOrigins('https://moodle.example.edu, https://canvas.example.edu/'), { origins: ['https://moodle.example.edu', 'https://canvas.example.edu'], invalid: [] });
  assert.deepEqual(parseOrigins('*'), { origins: ['*'], invalid: [] });
  assert.deepEqual(parseOrigins('moodle, https://a.example/path, null, javascript:alert(1)').origins, []);
  assert.equal(originAllowed('https://evil.example', ['https://moodle.example.edu']), false);
  assert.equal(originAllowed('https://moodle.example.edu', ['https://moodle.example.edu']), true);
  assert.equal(originAllowed('https://any.example', ['*']), true);
});

test('status reports become started, unit-died, unit-revived, paused, stopped and diverged events with step and counts', () => {
  const events = [];
  const report = trainingEvents((name, detail) => events.push({ name, ...detail }));
  const status = (fields) => ({ fresh: false, running: false, step: 0, stopReason: null, diverged: false, dead: 0, dormant: 0, total: 16, ...fields });
  report(status({ fresh: true }));
  report(status({ running: true, step: 10, dead: 2 }));
  report(status({ running: true, step: 20, dead: 1, dormant: 1 }));
  report(status({ step: 30, dead: 1, dormant: 1 }));
  report(status({ running: true, step: 40, dead: 1 }));
  report(status({ step: 1000, dead: 1, stopReason: 'steps' }));
  report(status({ fresh: true }));
  report(status({ running: true, step: 5 }));
  report(status({ step: 6, diverged: true }));
  assert.deepEqual(events.map((e) => [e.name, e.step, e.dead, e.change ?? e.reason ?? null]), [
    ['started', 10, 2, null], ['unit-died', 10, 2, 2], ['unit-revived', 20, 1, 1], ['paused', 30, 1, null],
    ['started', 40, 1, null], ['stopped', 1000, 1, 'steps'], ['started', 5, 0, null], ['diverged', 6, 0, null],
  ]);
  assert.deepEqual(message('ready', 'demo', { settings: {} }), { settings: {}, protocol: 'activation-lab', version: 1, type: 'ready', panel: 'demo' });
});
