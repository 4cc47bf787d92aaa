// The hand-written C++ reference loop (bench/reference_loop.hpp) in npm run bench: built with
// em++ -O3 into build/bench/reference-loop.cjs, started from the engine's data and weights, and
// natively as `alab_bench ... reference`. Both have the engines' interface (see engines.mjs).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root, nativeDir } from '../scripts/build.mjs';
import { learningRate, points, examplesPerCpuSecond } from './engines.mjs';

const output = path.join(root, 'build', 'bench', 'reference-loop.cjs');
const exported = ['_referenceBuffer', '_referenceStart', '_referenceTrain', '_referenceLoss'];

/** Compiles the reference loop to WASM with the engine's optimisation flags. */
export function buildReference() {
  mkdirSync(path.dirname(output), { recursive: true });
  const flags = ['-O3', '-msimd128', '-ffp-contract=off', '-std=c++17', '-sMODULARIZE=1', '-sEXPORT_NAME=createReferenceLoop',
    '-sSINGLE_FILE=1', '-sENVIRONMENT=node', '-sFILESYSTEM=0', '-sALLOW_MEMORY_GROWTH=1', `-sEXPORTED_FUNCTIONS=${exported.join(',')}`];
  console.log(`$ em++ bench/reference_wasm.cpp ${flags.join(' ')} -o ${path.relative(root, output)}`);
  execFileSync('em++', [path.join(root, 'bench', 'reference_wasm.cpp'), ...flags, '-o', output],
    { stdio: 'inherit', env: { ...process.env, NODE_PATH: '/usr/share/nodejs' } });
}

/** The WASM reference, from the engine's starting point ({data, layers}). */
export async function referenceEngine({ data, layers }, activation, batchSize) {
  const module = await createRequire(import.meta.url)(output)();
  const fresh = () => {
    const n = data.label.length;
    const buffer = module._referenceBuffer(n) / 8;
    const parameters = layers.flatMap((layer) => [...layer.weights, ...layer.biases]);
    module.HEAPF64.set(data.x, buffer);
    module.HEAPF64.set(Float64Array.from(data.label), buffer + 2 * n);
    module.HEAPF64.set(parameters, buffer + 3 * n);
    module._referenceStart(n, activation === 'tanh' ? 1 : 0, batchSize, learningRate);
  };
  return {
    name: 'reference',
    lossAfter10Epochs() {
      fresh();
      module._referenceTrain(10);
      return module._referenceLoss();
    },
    examplesPerSecond(seconds) {
      fresh();
      return examplesPerCpuSecond((epochs) => module._referenceTrain(epochs), seconds);
    },
  };
}

/** The same loop compiled natively (g++ -O3, inside build/native/alab_bench). */
export function nativeReferenceEngine(activation, batchSize) {
  const binary = path.join(nativeDir, 'alab_bench');
  const run = (seconds) => JSON.parse(execFileSync(binary, [activation, String(batchSize), String(seconds), 'reference'], { encoding: 'utf8' }));
  return {
    name: 'nativeReference',
    lossAfter10Epochs: () => run(0).lossAfter10Epochs,
    examplesPerSecond: (seconds) => run(seconds).examplesPerSecond,
  };
}
