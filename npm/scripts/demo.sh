#!/usr/bin/env bash
# The main job: builds the package if needed, then runs the demo against the embedded WeCom look-alike.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f pkg/index.cjs ] && [ "${WECOM_REBUILD:-}" != 1 ] || bash npm/scripts/build.sh
node npm/examples/demo.mjs
