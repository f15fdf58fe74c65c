# tsc --noEmit (strict) under the old node10 resolution (module commonjs): the main entry and the
# subpaths, through the top-level `types` and the proxy directories.
set -euo pipefail
bash ../../lib/tsc.sh
