// The page's panels, in navigation order. Each module follows the panel contract
// (id, titleKey, schema, mount(root, ctx) -> {destroy}); main.js mounts them.
import * as explorer from './explorer.js';
import * as race from './race.js';
import * as meanShift from './mean-shift.js';
import * as nonlinearity from './nonlinearity.js';
import * as softmax from './softmax.js';
import * as playground from './playground/index.js';
import * as experiments from './experiments/index.js';
import * as fit from './fit/index.js';
import * as compare from './compare/index.js';

export default [explorer, race, meanShift, nonlinearity, softmax, playground, compare, fit, experiments];
