// The engines npm run bench compares, each set up from the same data and initial weights
// (2-8-8-1, linear output, squared error (y - t)^2 / 2, plain SGD, lr 0.03, no shuffling):
// the native build (a child process), the WASM build, convnetjs and TensorFlow.js (CPU); the
// hand-written reference loop is in reference.mjs. Each has {name, lossAfter10Epochs(),
// examplesPerSecond(seconds)}.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { nativeDir } from '../scripts/build.mjs';

const require = createRequire(import.meta.url);
export const points = 500;
export const learningRate = 0.03;

/**
 * Examples per CPU second of one trainEpochs(k) call lasting about `seconds`, after a calibration
 * (CPU time, not wall time: the machine may be shared).
 */
export function examplesPerCpuSecond(trainEpochs, seconds) {
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  let epochs = 1;
  let elapsed = 0;
  for (;;) {
    const start = cpu();
    trainEpochs(epochs);
    elapsed = cpu() - start;
    if (elapsed >= seconds / 5) break;
    epochs *= 4;
  }
  const measured = Math.max(1, Math.round((epochs * seconds) / elapsed));
  const start = cpu();
  trainEpochs(measured);
  return (measured * points) / (cpu() - start);
}

/** The benchmark's trainer spec; keep in step with makeTrainer() in bench/native_bench.cpp. */
export function benchSpec(activation, batchSize) {
  return {
    network: { hiddenLayers: [8, 8], activation, head: 'linear_mse', init: 'he', seed: 1 },
    data: { kind: 'circle', size: points, noise: 0.1, seed: 1, trainFraction: 1, splitSeed: 1 },
    settings: { learningRate, batchSize },
    statsEvery: 0,
    shuffle: false,
  };
}

/** Mean (y - t)^2 / 2 over the data, for an engine's predict(x, y) -> number. */
function meanSquaredError(data, predict) {
  let sum = 0;
  for (let i = 0; i < data.label.length; i += 1) {
    const error = predict(data.x[2 * i], data.x[2 * i + 1]) - data.label[i];
    sum += (error * error) / 2;
  }
  return sum / data.label.length;
}

export function nativeEngine(activation, batchSize) {
  const binary = path.join(nativeDir, 'alab_bench');
  const run = (seconds) => JSON.parse(execFileSync(binary, [activation, String(batchSize), String(seconds)], { encoding: 'utf8' }));
  return {
    name: 'native',
    lossAfter10Epochs: () => run(0).lossAfter10Epochs,
    examplesPerSecond: (seconds) => run(seconds).examplesPerSecond,
  };
}

/** The most steps one train() call of `trainer` may take under costs.maxWorkPerCall (steps x batch x parameters). */
function stepsPerCall(engine, trainer, batchSize) {
  const parameters = trainer.parameters().reduce((n, layer) => n + layer.weights.length + layer.biases.length, 0);
  return Math.max(1, Math.floor(engine.manifest().costs.maxWorkPerCall / (Math.min(batchSize, points) * parameters)));
}

/** The engine through its public API, in the fewest train() calls the engine accepts. */
export function wasmEngine(engine, activation, batchSize) {
  const fresh = () => engine.createTrainer(benchSpec(activation, batchSize));
  const stepsPerEpoch = Math.ceil(points / batchSize);
  return {
    name: 'wasm',
    lossAfter10Epochs() {
      const trainer = fresh();
      trainer.train(10 * stepsPerEpoch);
      const data = trainer.data().train;
      const loss = meanSquaredError(data, (x, y) => trainer.predict([x, y])[0]);
      trainer.delete();
      return loss;
    },
    examplesPerSecond(seconds) {
      const trainer = fresh();
      const perCall = stepsPerCall(engine, trainer, batchSize);
      const train = (steps) => { for (let done = 0; done < steps; done += perCall) trainer.train(Math.min(perCall, steps - done)); };
      const rate = examplesPerCpuSecond((epochs) => train(epochs * stepsPerEpoch), seconds);
      trainer.delete();
      return rate;
    },
  };
}

/** The training data and initial weights every peer starts from (taken from the WASM engine). */
export function startingPoint(engine, activation, batchSize) {
  const trainer = engine.createTrainer(benchSpec(activation, batchSize));
  const start = { data: trainer.data().train, layers: trainer.parameters() };
  trainer.delete();
  return start;
}

export function convnetEngine({ data, layers }, activation, batchSize) {
  const convnetjs = require('convnetjs');
  const fresh = () => {
    const net = new convnetjs.Net();
    net.makeLayers([
      { type: 'input', out_sx: 1, out_sy: 1, out_depth: 2 },
      { type: 'fc', num_neurons: 8, activation },
      { type: 'fc', num_neurons: 8, activation },
      { type: 'regression', num_neurons: 1 },
    ]);
    const dense = net.layers.filter((layer) => layer.layer_type === 'fc');
    dense.forEach((layer, l) => {
      const { inputs, weights, biases } = layers[l];
      layer.filters.forEach((filter, o) => {
        for (let i = 0; i < inputs; i += 1) filter.w[i] = weights[o * inputs + i];
      });
      for (let o = 0; o < biases.length; o += 1) layer.biases.w[o] = biases[o];
    });
    const trainer = new convnetjs.Trainer(net, { method: 'sgd', learning_rate: learningRate, batch_size: batchSize, momentum: 0, l2_decay: 0 });
    const inputs = Array.from({ length: data.label.length }, (_, i) => new convnetjs.Vol([data.x[2 * i], data.x[2 * i + 1]]));
    const targets = Array.from(data.label, (label) => [label]);
    const epoch = () => inputs.forEach((input, i) => trainer.train(input, targets[i]));
    const predict = (x, y) => net.forward(new convnetjs.Vol([x, y])).w[0];
    return { epoch, predict };
  };
  return {
    name: 'convnetjs',
    lossAfter10Epochs() {
      const { epoch, predict } = fresh();
      for (let e = 0; e < 10; e += 1) epoch();
      return meanSquaredError(data, predict);
    },
    examplesPerSecond(seconds) {
      const { epoch } = fresh();
      return examplesPerCpuSecond((epochs) => { for (let e = 0; e < epochs; e += 1) epoch(); }, seconds);
    },
  };
}

export async function tfjsEngine({ data, layers }, activation, batchSize) {
  const tf = require('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  const act = { relu: tf.relu, tanh: tf.tanh }[activation];
  const fresh = () => {
    const params = layers.map(({ inputs, outputs, weights, biases }) => {
      const transposed = new Float32Array(inputs * outputs);
      for (let o = 0; o < outputs; o += 1) for (let i = 0; i < inputs; i += 1) transposed[i * outputs + o] = weights[o * inputs + i];
      return { w: tf.variable(tf.tensor2d(transposed, [inputs, outputs])), b: tf.variable(tf.tensor1d(Float32Array.from(biases))) };
    });
    const forward = (x) => {
      let h = x;
      params.forEach(({ w, b }, l) => {
        h = tf.add(tf.matMul(h, w), b);
        if (l < params.length - 1) h = act(h);
      });
      return h;
    };
    const batches = [];
    for (let start = 0; start < data.label.length; start += batchSize) {
      const end = Math.min(start + batchSize, data.label.length);
      batches.push({ x: tf.tensor2d(Float32Array.from(data.x.subarray(2 * start, 2 * end)), [end - start, 2]), t: tf.tensor2d(Float32Array.from(data.label.slice(start, end)), [end - start, 1]) });
    }
    const optimizer = tf.train.sgd(learningRate);
    const epoch = () => {
      for (const { x, t } of batches) {
        optimizer.minimize(() => tf.mul(0.5, tf.mean(tf.square(tf.sub(forward(x), t)))));
      }
    };
    const predict = (x, y) => tf.tidy(() => forward(tf.tensor2d([x, y], [1, 2])).dataSync()[0]);
    const dispose = () => {
      params.forEach(({ w, b }) => { w.dispose(); b.dispose(); });
      batches.forEach(({ x, t }) => { x.dispose(); t.dispose(); });
      optimizer.dispose();
    };
    return { epoch, predict, dispose };
  };
  return {
    name: 'tfjs',
    lossAfter10Epochs() {
      const { epoch, predict, dispose } = fresh();
      for (let e = 0; e < 10; e += 1) epoch();
      const loss = meanSquaredError(data, predict);
      dispose();
      return loss;
    },
    examplesPerSecond(seconds) {
      const { epoch, dispose } = fresh();
      const rate = examplesPerCpuSecond((epochs) => { for (let e = 0; e < epochs; e += 1) epoch(); }, seconds);
      dispose();
      return rate;
    },
  };
}
