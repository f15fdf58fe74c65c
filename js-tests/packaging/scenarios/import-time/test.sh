# Node: ESM import vs CJS require time of the main entry (a figure for the README, not a test).
set -euo pipefail
node measure.mjs "${IMPORT_TIME_RUNS:-21}"
