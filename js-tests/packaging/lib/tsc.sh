# The ts-* scenarios' one step: tsc (the scenario's tsconfig.json) in one run; the log shows its
# errors (if any), then the package's declaration files it read. Exits with tsc's status.
# Usage, from a scenario directory: bash ../../lib/tsc.sh
set -euo pipefail
set +e
tsc -p tsconfig.json --listFiles --pretty false >tsc.out 2>&1
rc=$?
set -e
grep -v '^/' tsc.out || true
grep '^/.*/node_modules/wecom-external-contact/' tsc.out | sed 's|.*/node_modules/||' | sort
exit $rc
