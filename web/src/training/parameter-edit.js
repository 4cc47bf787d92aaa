// One weight or bias of a trainer's parameters replaced: what the training panel's parameter
// editor sends through the engine (trainer.setParameters) while paused.

/** Names one parameter: dense layer `layer` (0 = first), its unit `unit`, and `input` (-1 = the unit's bias). */
function check(layers, { layer, unit, input }) {
  const dense = layers[layer];
  if (!dense) throw new Error(`layer must be 0 to ${layers.length - 1}, got ${layer}`);
  if (!(Number.isInteger(unit) && unit >= 0 && unit < dense.outputs)) throw new Error(`unit must be 0 to ${dense.outputs - 1} in layer ${layer}, got ${unit}`);
  if (!(Number.isInteger(input) && input >= -1 && input < dense.inputs)) throw new Error(`input must be -1 (the bias) to ${dense.inputs - 1}, got ${input}`);
  return dense;
}

/** The value of one parameter ({layer, unit, input}) of `layers` (trainer.parameters()). */
export function parameterValue(layers, where) {
  const dense = check(layers, where);
  return where.input === -1 ? dense.biases[where.unit] : dense.weights[where.unit * dense.inputs + where.input];
}

/** A copy of `layers` with one parameter ({layer, unit, input}) set to the finite number `value`. */
export function withParameter(layers, { value, ...where }) {
  const dense = check(layers, where);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`the new value must be a finite number, got ${value}`);
  return layers.map((layer, l) => {
    if (l !== where.layer) return layer;
    const weights = Float64Array.from(layer.weights);
    const biases = Float64Array.from(layer.biases);
    if (where.input === -1) biases[where.unit] = value;
    else weights[where.unit * dense.inputs + where.input] = value;
    return { ...layer, weights, biases };
  });
}
