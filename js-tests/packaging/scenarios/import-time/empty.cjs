// An empty CommonJS module: measure.mjs's floor for require().
exports.empty = true;
