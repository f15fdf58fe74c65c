# tsc --noEmit (strict) under the old node10 resolution (module commonjs): the main entry and the
# subpaths, through the top-level `types` and the proxy directories.
set -euo pipefail
tsc -p tsconfig.json --listFilesOnly | grep 'wecom-external-contact' | sed 's|.*/node_modules/||' | sort
tsc -p tsconfig.json
