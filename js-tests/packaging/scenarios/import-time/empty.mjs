// An empty ES module: measure.mjs's floor for import().
export const empty = true;
