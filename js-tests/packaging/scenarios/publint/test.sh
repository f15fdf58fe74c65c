# publint --strict on the installed package (warnings count as errors).
set -euo pipefail
publint --strict "$PKG_DIR"
