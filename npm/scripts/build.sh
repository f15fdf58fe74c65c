#!/usr/bin/env bash
# Builds the npm package into pkg/ (the publishable directory): Rust → wasm → wasm-bindgen
# (web glue, made a factory) → wasm-opt → JS layer (esbuild) → generated types and docs. Prints the .wasm size.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/.tools/node_modules/.bin:$PATH"
bash npm/scripts/setup.sh >/dev/null

PKG=$ROOT/pkg
WASM=target/wasm32-unknown-unknown/release/wecom_wasm.wasm
rm -rf "$PKG" && mkdir -p "$PKG/node" "$PKG/web" "$PKG/mock"

# Panic locations would embed this checkout's absolute path; remap it for reproducible bytes (and
# the crates.io sources' directory to nothing: shorter texts in the .wasm).
REMAP="--remap-path-prefix=$ROOT=. --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=~/.cargo"
for registry in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  REMAP="$REMAP --remap-path-prefix=${registry%/}="
done
# opt-level "z" for the engine's crates: see the [profile.release.package] overrides in Cargo.toml.
RUSTFLAGS="$REMAP" cargo build -q --release --target wasm32-unknown-unknown -p wecom-wasm
# One glue (wasm-bindgen's web target), made into a factory so that the JS layer can build a
# fresh engine after a failure (npm/src/engine.js); the .wasm goes to node/ and web/.
GEN=$ROOT/target/npm-build
rm -rf "$GEN" && mkdir -p "$GEN/glue" "$GEN/src"
wasm-bindgen "$WASM" --target web --out-dir "$GEN/glue"
# -Os: the smallest gzip of the three here (-O3 112.2, -Os 111.8, -Oz 112.1 KB when measured);
# the engine's work per call is small, size is what counts.
wasm-opt -Os "$GEN/glue/wecom_wasm_bg.wasm" -o "$PKG/web/wecom_wasm_bg.wasm"
cp "$PKG/web/wecom_wasm_bg.wasm" "$PKG/node/wecom_wasm_bg.wasm"
cp -R npm/src/. "$GEN/src/"
node npm/scripts/glue-factory.mjs "$GEN/glue" "$GEN/src/glue-factory.js"

# Types, docs and the JS generated from the Rust declarations: the validators and the endpoint
# table (into the sources, generated/), and the forms entry's types.
mkdir -p "$GEN/src/generated"
cargo run -q -p wecom-codegen -- "$PKG/endpoints.d.ts" "$PKG/ENDPOINTS.md" "$GEN/src/generated"
cp "$GEN/src/generated/validate.d.ts" "$PKG/validate.d.ts"

# The forms entry: the generated validators alone (no wasm, no top-level await). Not minified,
# so that each endpoint's validator stays a separate named export for the user's bundler to
# tree-shake; the ESM build is the one browsers and bundlers use.
esbuild "$GEN/src/entry-validate.js" --bundle --format=esm --platform=neutral --target=es2022 \
  --outfile="$PKG/validate.mjs" --log-level=warning
esbuild "$GEN/src/entry-validate.js" --bundle --format=cjs --platform=node --target=node18 \
  --outfile="$PKG/validate.cjs" --log-level=warning

# The JS layer: one source, bundled per entry (glue included).
esbuild "$GEN/src/entry-node.js" --bundle --format=cjs --platform=node --target=node18 \
  --outfile="$PKG/index.cjs" --log-level=warning
esbuild "$GEN/src/entry-browser.js" --bundle --format=esm --platform=browser --target=es2022 \
  --outfile="$PKG/browser.mjs" --log-level=warning
node -e '
  const api = require(process.argv[1]);
  const names = Object.keys(api).filter((k) => k !== "__esModule" && k !== "default");
  process.stdout.write(`// Node ESM entry: the CJS build, re-exported (one engine for import and require).\nimport api from "./index.cjs";\nexport const { ${names.join(", ")} } = api;\nexport default api;\n`);
' "$PKG/index.cjs" > "$PKG/index.mjs"

cp npm/types/index.d.ts "$PKG/index.d.ts"
cp "$PKG/index.d.ts" "$PKG/index.d.mts"
cp "$PKG/index.d.ts" "$PKG/index.d.cts"

# The Redis token store: Node only, ESM as written plus a CJS copy (named export only), with
# declarations per format.
cp npm/src/redis-token-store.mjs npm/types/redis-token-store.d.mts npm/types/redis-token-store.d.cts "$PKG/"
esbuild npm/src/redis-token-store.mjs --format=cjs --platform=node --target=node18 \
  --outfile="$PKG/redis-token-store.cjs" --log-level=warning

# The look-alike: ESM, plus index.cjs (import()s index.mjs) for require() on Node 18; one
# declaration text (no imports) serves both formats.
cp npm/src/mock/*.mjs npm/src/mock/index.cjs npm/src/mock/index.d.mts "$PKG/mock/"
cp npm/src/mock/index.d.mts "$PKG/mock/index.d.cts"
chmod +x "$PKG/mock/cli.mjs"
# Proxy directories for resolvers that ignore "exports" (TypeScript's node10, old bundlers).
mkdir -p "$PKG/mock-server" "$PKG/redis-token-store"
printf '{\n  "main": "../mock/index.cjs",\n  "types": "../mock/index.d.cts"\n}\n' > "$PKG/mock-server/package.json"
printf '{\n  "main": "../redis-token-store.cjs",\n  "types": "../redis-token-store.d.cts"\n}\n' > "$PKG/redis-token-store/package.json"
cp npm/package.json "$PKG/package.json"
cp README.md LICENSE "$PKG/"

raw=$(stat -c %s "$PKG/web/wecom_wasm_bg.wasm")
gz=$(gzip -9 -c "$PKG/web/wecom_wasm_bg.wasm" | wc -c)
echo "build: pkg/ ready; wecom_wasm_bg.wasm ${raw} bytes raw, ${gz} bytes gzip -9"
