#!/usr/bin/env bash
# The main job: builds the package (incremental; installs tools on a fresh machine), then runs
# the demo against the embedded WeCom look-alike. Set WECOM_CORP_ID / WECOM_CORP_SECRET (and
# optionally WECOM_BASE_URL) to run it against a real corp instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash npm/scripts/build.sh
node npm/examples/demo.mjs
