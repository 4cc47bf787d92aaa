// Entry point of dist/activation-lab-worker.js: the training worker alone (runner, engine, core
// glue), without the page's panels, Chart.js or KaTeX.
import { startTrainingWorker } from './worker.js';

startTrainingWorker();
