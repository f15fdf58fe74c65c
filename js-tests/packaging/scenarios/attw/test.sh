# @arethetypeswrong/cli on the packed tarball: every subpath, every resolution mode (node10,
# node16 CJS and ESM, bundler), default profile (strict). $TGZ is the tarball run.sh packed.
set -euo pipefail
attw "$TGZ" --format table-flipped
