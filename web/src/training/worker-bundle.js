// Entry point of dist/activation-lab-worker.js: the worker for training and the experiments
// (runner, experiment calls, engine, core glue), without the page's panels, Chart.js or KaTeX.
import { startTrainingWorker } from './worker.js';

startTrainingWorker();
