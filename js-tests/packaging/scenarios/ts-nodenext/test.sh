# tsc --noEmit (strict) under module/moduleResolution nodenext: an ESM (.mts) and a CJS (.cts)
# consumer of every subpath, with @types/node.
set -euo pipefail
# One tsc run; the log shows its errors (if any), then the package's declaration files it read.
set +e
tsc -p tsconfig.json --listFiles --pretty false >tsc.out 2>&1
rc=$?
set -e
grep -v '^/' tsc.out || true
grep '^/.*/node_modules/wecom-external-contact/' tsc.out | sed 's|.*/node_modules/||' | sort
exit $rc
