// One-click stories. Each preset is a full set of the settings that matter, with fixed seeds,
// so its outcome is the same every time (tests/browser/playground-presets.test.mjs checks each
// one). Outcomes measured on this engine with these seeds:
//   healthy:     relu, lr 0.1, weight seed 12: no dead units, test accuracy 1.00 by step 200.
//   reluHigh:    relu, lr 3, seed 12: 12 of 16 units dead by step 50, loss stuck near ln 2 = 0.69.
//   leakyHigh:   leaky_relu, lr 3, seed 12: 0 dead, 11 dormant, units revive, accuracy 0.97 by
//                step 600 (on most other seeds at this rate it stalls instead; lr 5-10 diverges).
//   sigmoidDeep: 6 x 8 sigmoid, Xavier, lr 0.1: loss stays at 0.69 for 2000 steps (tanh: 0.01 by 500).
//   linear:      no activation: loss stays at 0.69, accuracy at or below chance.
//   sigmoidVanishing: sigmoidDeep's run, read on the gradient chart: at step 0 the first layer's
//                weight gradient is 61,000 times smaller than the output layer's (ReLU + He: 37 %).
//   adamHigh:    reluHigh with Adam: 14 of 16 units dead by step 50 (Adam at rate 0.01: none).

const story = {
  dataset: 'circle', noise: 0.1, points: 500, trainFraction: 0.8, dataSeed: 1,
  hiddenLayers: [8, 8], alpha: 0.01, head: 'sigmoid_cross_entropy', init: 'he', initialBias: 0,
  optimizer: 'sgd', batchSize: 10, momentum: 0, l2: 0, l1: 0, shuffleSeed: 1, stopMode: 'steps',
};
const deepSigmoid = { ...story, hiddenLayers: [8, 8, 8, 8, 8, 8], activation: 'sigmoid', init: 'xavier', learningRate: 0.1, weightSeed: 1 };

/**
 * The presets in display order: id (its strings are playground.preset.<id>.*), the settings it sets
 * and endAt 'firstDeath' where the story ends paused on the first death (the step before it, inspected).
 */
export const presets = [
  { id: 'healthy', settings: { ...story, activation: 'relu', learningRate: 0.1, weightSeed: 12, speed: 'steps-10', stopSteps: 600 } },
  { id: 'reluHigh', endAt: 'firstDeath', settings: { ...story, activation: 'relu', learningRate: 3, weightSeed: 12, speed: 'steps-10', stopSteps: 1000 } },
  { id: 'leakyHigh', settings: { ...story, activation: 'leaky_relu', learningRate: 3, weightSeed: 12, speed: 'steps-10', stopSteps: 1000 } },
  { id: 'sigmoidDeep', settings: { ...deepSigmoid, speed: 'epochs-1', stopSteps: 2000 } },
  { id: 'sigmoidVanishing', settings: { ...deepSigmoid, speed: 'epochs-1', stopSteps: 500 } },
  { id: 'adamHigh', settings: { ...story, activation: 'relu', optimizer: 'adam', learningRate: 3, weightSeed: 12, speed: 'steps-10', stopSteps: 1000 } },
  { id: 'linear', settings: { ...story, activation: 'linear', learningRate: 0.03, weightSeed: 1, speed: 'steps-10', stopSteps: 1000 } },
];

/** The preset with this id, or undefined. */
export function presetById(id) {
  return presets.find((preset) => preset.id === id);
}
