// Test hooks of the trap-containment tests (not part of the API): reached through
// `validate[Symbol.for('wecom-external-contact.internals')]`.
import { engineGeneration, withEngine } from './engine.js';

export const internals = Object.freeze({
  /** Makes the live engine fail as an undiscovered bug would (0: a trap; 1: stack exhausted). */
  trap(kind = 0) {
    withEngine((engine) => engine.glue.__trap(kind));
  },
  /** How many engines were built so far. */
  generation: engineGeneration,
});
