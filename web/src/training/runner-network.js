// The runner's messages about the network itself rather than the training loop: edit a weight,
// a bias, a kink or a slope while paused (through the engine, so the timeline restarts there),
// export and import a network with its prediction probe, and the engine's memory figures.
import { predictionProbe, probesMatch } from './save-load.js';
import { withParameter } from './parameter-edit.js';

/**
 * The handlers edit, export, import and memory for a runner: r = {engine, send(message),
 * trainer(), spec(), running(), stop(), rebuild(spec, generation), requestFrame()}.
 */
export function networkHandlers(r) {
  return {
    edit(message) {
      const trainer = r.trainer();
      if (!trainer || r.running()) return;
      if (message.edit === 'kink') trainer.placeKink(message.unit, message.value);
      else if (message.edit === 'parameter') trainer.setParameters(withParameter(trainer.parameters(), message));
      else trainer.setUnitSlope(message.unit, message.value);
      r.requestFrame();
    },
    export(message) {
      const trainer = r.trainer();
      if (!trainer) throw new Error('there is no network to save yet');
      const probe = predictionProbe();
      r.send({
        type: 'exported', id: message.id, spec: r.spec(), step: trainer.status().step,
        parameters: trainer.parameters(), probe: { points: probe, outputs: trainer.predict(probe) },
      });
    },
    import(message) {
      r.stop();
      r.rebuild(message.spec, message.generation);
      const trainer = r.trainer();
      trainer.setParameters(message.parameters);
      const outputs = trainer.predict(message.probe.points);
      r.send({ type: 'imported', id: message.id, matches: probesMatch(outputs, message.probe.outputs) });
      r.requestFrame();
    },
    memory(message) {
      r.send({ type: 'memory', id: message.id, heapBytesInUse: r.engine.heapBytesInUse(), memoryBytes: r.engine.memoryBytes() });
    },
  };
}
