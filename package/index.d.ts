// Types of the activation-lab package: the Engine and Trainer of web/src/engine.js.

/** Numbers going in: a plain array or any typed array. */
export type Numbers = ArrayLike<number>;

/** An activation name; engine.manifest().activations lists them in display order. */
export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'step' | 'linear' | 'elu' | 'selu'
  | 'softplus' | 'gelu' | 'silu' | 'softsign' | 'hard_sigmoid';
export type DatasetKind = 'circle' | 'xor' | 'gaussians' | 'spiral' | 'moons' | 'three_class' | 'plane' | 'bumps';
export type InputFeature = 'x1' | 'x2' | 'x1_squared' | 'x2_squared' | 'x1_x2' | 'sin_x1' | 'sin_x2';
export type HeadName = 'sigmoid_cross_entropy' | 'tanh_mse' | 'softmax_cross_entropy' | 'sigmoid_mse' | 'linear_mse';
export type InitName = 'he' | 'xavier' | 'small_uniform';
export type UnitState = 'alive' | 'dead' | 'dormant';

/** An allowed range: ends excluded where minOpen / maxOpen is true. */
export interface Range { min: number; max: number; default?: number; integer: boolean; minOpen?: true; maxOpen?: true }

/** The core's description of itself (deep-frozen); see docs/API.md for every part. */
export interface Manifest {
  readonly activations: ReadonlyArray<{ name: ActivationName; usesAlpha: boolean; alpha: Range | null; kinks: number[]; diesBelowZero: boolean }>;
  readonly datasets: ReadonlyArray<{ name: DatasetKind; classes: number; size: Range; noise: Range; regression: boolean }>;
  readonly features: { readonly names: ReadonlyArray<InputFeature>; readonly default: ReadonlyArray<InputFeature> };
  readonly heads: ReadonlyArray<{ name: HeadName; outputs: 'one' | 'perClass' }>;
  readonly inits: ReadonlyArray<InitName>;
  readonly unitStates: ReadonlyArray<UnitState>;
  readonly network: { readonly defaults: { hiddenLayers: number[]; activation: ActivationName; head: HeadName; init: InitName }; readonly [key: string]: unknown };
  readonly training: { readonly [setting: string]: Range };
  readonly costs: { readonly [limit: string]: number };
  readonly [part: string]: unknown;
}

export interface ActivationInfo { name: ActivationName; usesAlpha: boolean; defaultAlpha: number; diesBelowZero: boolean }
export interface AlphaOption { alpha?: number }

export interface DenseLayer { inputs: number; outputs: number; weights: Numbers; biases: Numbers }
export interface DenseLayerOut { inputs: number; outputs: number; weights: Float64Array; biases: Float64Array }

export interface RaceSpec { activation?: ActivationName; alpha?: number; start?: number; learningRate?: number; target?: number; depth?: number; maxSteps?: number }
export interface RaceResult { x: Float64Array; output: Float64Array; gradient: Float64Array; steps: number; stop: 'reached' | 'stalled' | 'max_steps' | 'diverged' }

/** Counts of equal-width bins from lo to hi. */
export interface Histogram { lo: number; hi: number; counts: Int32Array }
export interface MeanShiftSpec { activation?: ActivationName; alpha?: number; samples?: number; seed?: number; bins?: number }
export interface MeanShiftResult { inputMean: number; outputMean: number; inputHistogram: Histogram; outputHistogram: Histogram }

export interface LinearCollapseSpec { first: DenseLayer; second: DenseLayer; inputs: Numbers; between: ActivationName; alpha?: number }
export interface LinearCollapseResult { composed: DenseLayerOut; twoLayerOutput: Float64Array; composedOutput: Float64Array; bentOutput: Float64Array; maxAbsDifference: number }

export interface GeneratedData { kind?: DatasetKind; size?: number; noise?: number; seed?: number }
/** The student's own points: flat x, y pairs and a class per point. */
export interface OwnPoints { x: Numbers; label: Numbers; classes?: number; inputs?: 1 | 2 }
/** A curve of real-valued targets over x in [-1, 1] (manifest().curve.kinds). */
export interface CurveData { curve: 'sin' | 'abs' | 'step' | 'square' | 'sawtooth'; size?: number; noise?: number; seed?: number }
/** The student's own real-valued targets: `inputs` values of x per point and one target each. */
export interface OwnTargets { x: Numbers; target: Numbers; inputs?: 1 | 2 }
export type Dataset = { x: Float64Array; label: Int32Array; classes: number; inputs: number } | { x: Float64Array; target: Float64Array; inputs: number };
export interface CurveView {
  output: Float64Array; contributions: Float64Array; outputBias: number; kinks: Float64Array; hasKink: Int32Array;
  kinksPerUnit: number; slopes: Float64Array; breakpoints: Float64Array; pieces: number;
}

export interface NetworkSpec { hiddenLayers?: number[]; activation?: ActivationName; alpha?: number; head?: HeadName; classes?: number; init?: InitName; seed?: number; bias?: boolean }
export interface Settings { learningRate?: number; batchSize?: number; momentum?: number; l2?: number; l1?: number }
export interface Split { trainFraction?: number; splitSeed?: number }
export interface TrainerSpec {
  network?: NetworkSpec & { features?: InputFeature[] };
  data?: (GeneratedData | OwnPoints | CurveData | OwnTargets) & Split;
  settings?: Settings;
  statsEvery?: number;
  shuffleSeed?: number;
  shuffle?: boolean;
}

export interface SweepSpec {
  data?: GeneratedData & { trainFraction?: number };
  network?: NetworkSpec;
  batchSize?: number;
  steps?: number;
  learningRates?: Numbers;
  seeds?: Numbers;
  activations?: ActivationName[];
}
export interface SweepRun {
  activation: ActivationName; learningRate: number; seed: number; deadFraction: number; dormantFraction: number;
  finalLoss: number; trainAccuracy: number; testAccuracy: number; diverged: boolean;
}
export interface BornDeadSpec { width?: number; depth?: number; trials?: number; seed?: number; probePoints?: number }
export interface InitialHistogramsSpec { network?: NetworkSpec; samples?: number; seed?: number; bins?: number }

export interface TrainStatus { done: number; step: number; epoch: number; diverged: boolean }
export interface GridOptions {
  xMin?: number; xMax?: number; yMin?: number; yMax?: number; resolution?: number;
  /** One resolution per unit (hidden units, then outputs; 0 leaves it out): each unit's block on its own grid, in unit order. */
  resolutions?: number[];
  /** With resolutions: rows [rowFrom, rowTo) of each block only (clamped to its resolution; default every row). */
  rowFrom?: number; rowTo?: number;
  /** With resolutions: of the network freezeGrid() kept, not the current one. */
  frozen?: boolean;
}
export interface UnitLayer { state: UnitState[]; activeFraction: Float64Array; revivals: Int32Array; dead: number; dormant: number }
export interface Units { layers: UnitLayer[]; dead: number; dormant: number; total: number }
/** History columns from entry `from` on, one entry per recorded step; per-layer columns hold `layers` values per entry. */
export interface History {
  from: number; layers: number;
  step: Float64Array; trainLoss: Float64Array; testLoss: Float64Array; trainAccuracy: Float64Array; testAccuracy: Float64Array;
  dead: Int32Array; dormant: Int32Array; deadPerLayer: Int32Array; dormantPerLayer: Int32Array; revivals: Int32Array;
}

/** Where a run's timeline stands; bytes: keyframes, unit life record and the pending life search together. */
export interface TimelineInfo {
  step: number; origin: number; liveEnd: number; lifeCheckedTo: number; keyframeEvery: number; keyframes: number; bytes: number; deaths: number; lifePending: boolean;
}
/** The update that made a unit dead or dormant: step, 0-based layer and unit, its batch, parameters before and after. */
export interface Death {
  step: number; layer: number; unit: number; state: UnitState;
  learningRate: number; batchSize: number; momentum: number; l2: number; batch: Uint32Array;
  weightsBefore: Float64Array; weightsAfter: Float64Array; biasBefore: number; biasAfter: number;
  /** Per weight then the bias: -lr x (gradient + l2 w), and momentum x previous velocity. */
  gradientPart: Float64Array; momentumPart: Float64Array;
  /** Largest pre-activation over the training set before and after the update. */
  maxPreBefore: number; maxPreAfter: number;
}
export interface UnitLife {
  eventSteps: Float64Array; eventStates: UnitState[]; eventPrevious: UnitState[];
  sampleSteps: Float64Array; activeFraction: Float64Array; deaths: Death[];
}
export interface Evaluation { trainLoss: number; testLoss: number; trainAccuracy: number; testAccuracy: number }
export interface PreActivationHistogram { lo: number; hi: number; nonPositive: Int32Array; positive: Int32Array }

/** A training run inside the C++ core. Call delete() when done: garbage collection frees none of it. */
export declare class Trainer {
  private constructor();
  /** Runs up to `steps` mini-batch steps. */
  train(steps: number): TrainStatus;
  /** Changes learningRate, batchSize, momentum or l2 between steps. */
  setSettings(settings: Settings): void;
  /** The run's step, epoch and whether it diverged. */
  status(): TrainStatus;
  /** Records losses, accuracies and dead units for the current step into the history; true when it recorded a row (with settle false, history() gives it once the life record reaches its step). */
  recordStats(options?: { settle?: boolean }): boolean;
  /** Hidden units on the training set (settles the pending life search first unless settle is false); refused once diverged. */
  units(options?: { settle?: boolean }): Units;
  /** History entries from index `from` (default 0) on, up to the last one the life record has reached (timeline().lifeCheckedTo). */
  history(from?: number): History;
  /** Every hidden unit's then every output's activation on a resolution^2 grid (or per unit, see resolutions); refused once diverged. */
  gridActivations(options?: GridOptions): Float64Array;
  /** Keeps a copy of the network now for gridActivations({frozen: true}); returns its step. Refused once diverged. */
  freezeGrid(): number;
  /** Every network input (each of network.features, or x1 and x2) on a resolution^2 grid, input-major. */
  inputGrid(options?: { xMin?: number; xMax?: number; yMin?: number; yMax?: number; resolution?: number }): Float64Array;
  /** Outputs for flat x, y pairs; refused once diverged. */
  predict(points: Numbers): Float64Array;
  /** Every dense layer's weights and biases; refused once diverged. */
  parameters(): DenseLayerOut[];
  /** Replaces every layer's weights and biases (same shapes as parameters()). */
  setParameters(layers: DenseLayer[]): void;
  /** A one-input network along xs: output, contributions, kinks, slopes and linear pieces on [lo, hi]; refused once diverged. */
  curve(xs: Numbers, range: { lo: number; hi: number }): CurveView;
  /** Moves first-layer unit `unit`'s kink to x. */
  placeKink(unit: number, x: number): void;
  /** Sets first-layer unit `unit`'s input weight, keeping its kink. */
  setUnitSlope(unit: number, slope: number): void;
  /** The training and test sets. */
  data(): { train: Dataset; test: Dataset };
  /** Moves the run to `step` (origin to liveEnd) by keyframe and exact replay. */
  seek(step: number): TrainStatus;
  /** Drops every step after the current one and continues from it with `settings`. */
  branch(settings: Settings): TrainStatus;
  /** The timeline's position and size (unit life checked up to the current step). */
  timeline(): TimelineInfo;
  /** Killing updates from index `from` (default 0) on. */
  deaths(from?: number): Death[];
  /** Searches at most `maxIntervals` (default 1) sub-intervals of the pending life search; true when none is left. */
  settleLife(maxIntervals?: number): boolean;
  /** One hidden unit's life (0-based layer and unit). */
  unitLife(layer: number, unit: number): UnitLife;
  /** Losses and accuracies at the current step; refused once diverged. */
  evaluation(): Evaluation;
  /** The unit's pre-activation over the training set now, in `bins` bins (default from the manifest). */
  unitHistogram(layer: number, unit: number, bins?: number): PreActivationHistogram;
  /** Frees the C++ trainer; safe to call twice. */
  delete(): void;
  /** True once delete() was called. */
  get deleted(): boolean;
}

/** Every engine function, with typed arrays in and out. */
export declare class Engine {
  private constructor();
  /** The core's description of itself, deep-frozen. */
  manifest(): Manifest;
  /** Activations in display order. */
  activations(): ActivationInfo[];
  /** f(x) for every x. */
  evaluate(activation: ActivationName, inputs: Numbers, options?: AlphaOption): Float64Array;
  /** f'(x) for every x (kinks take the left branch). */
  derivative(activation: ActivationName, inputs: Numbers, options?: AlphaOption): Float64Array;
  /** softmax(logits / temperature). */
  softmax(logits: Numbers, options?: { temperature?: number }): Float64Array;
  /** Full Jacobian diag(s) - s s^T, n x n row-major. */
  softmaxJacobian(probabilities: Numbers): Float64Array;
  /** p - onehot(label). */
  softmaxCrossEntropyGradient(probabilities: Numbers, label: number): Float64Array;
  /** The gradient-descent race. */
  race(spec?: RaceSpec): RaceResult;
  /** Mean shift of uniform(-1, 1) samples through an activation. */
  meanShift(spec?: MeanShiftSpec): MeanShiftResult;
  /** Composes two linear layers and compares with a bent middle. */
  linearCollapse(spec: LinearCollapseSpec): LinearCollapseResult;
  /** A generated data set (or the given points, checked). */
  makeDataset(spec?: GeneratedData | OwnPoints): Dataset;
  /** One run of the learning-rate sweep. */
  sweepPoint(spec: SweepSpec | undefined, activation: ActivationName, learningRate: number, seed: number): SweepRun;
  /** Every activation x learning rate x seed of the sweep. */
  learningRateSweep(spec?: SweepSpec): SweepRun[];
  /** `count` values log-spaced from lo to hi inclusive. */
  logSpaced(lo: number, hi: number, count: number): Float64Array;
  /** Probability that a freshly He-initialised ReLU network is constant on its inputs. */
  bornDead(spec?: BornDeadSpec): number;
  /** Per hidden layer activation histogram at initialisation. */
  initialHistograms(spec?: InitialHistogramsSpec): Histogram[];
  /** A new training run; the caller owns it and calls delete(). */
  createTrainer(spec?: TrainerSpec): Trainer;
  /** Bytes the C++ heap has allocated. */
  heapBytesInUse(): number;
  /** Size of the WebAssembly memory in bytes. */
  memoryBytes(): number;
}

/** A fresh Engine on a fresh instance of the WebAssembly core. */
export declare function loadEngine(): Promise<Engine>;
