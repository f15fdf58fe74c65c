#!/usr/bin/env bash
# Builds the npm package into pkg/ (the publishable directory): Rust → wasm → wasm-bindgen
# (nodejs + web) → wasm-opt → JS layer (esbuild) → generated types and docs. Prints the .wasm size.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/.tools/node_modules/.bin:$PATH"
bash npm/scripts/setup.sh >/dev/null

PKG=$ROOT/pkg
WASM=target/wasm32-unknown-unknown/release/wecom_wasm.wasm
rm -rf "$PKG" && mkdir -p "$PKG/node" "$PKG/web" "$PKG/mock"

# Panic locations would embed this checkout's absolute path; remap it for reproducible bytes.
RUSTFLAGS="--remap-path-prefix=$ROOT=. --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=~/.cargo" \
  cargo build -q --release --target wasm32-unknown-unknown -p wecom-wasm
wasm-bindgen "$WASM" --target nodejs --out-dir "$PKG/node"
wasm-bindgen "$WASM" --target web --out-dir "$PKG/web"
for t in node web; do
  wasm-opt -O3 "$PKG/$t/wecom_wasm_bg.wasm" -o "$PKG/$t/wecom_wasm_bg.wasm"
done
echo '{ "type": "commonjs" }' > "$PKG/node/package.json"
# wasm-bindgen's nodejs glue require()s its JS snippets, which are ES modules: Node 18 cannot
# require ESM, so the Node copy of each snippet becomes CommonJS.
find "$PKG/node/snippets" -name '*.js' -print0 | while IFS= read -r -d '' f; do
  esbuild "$f" --format=cjs --platform=node --target=node18 --log-level=warning --outfile="$f" --allow-overwrite
done
echo '{ "type": "module" }' > "$PKG/web/package.json"

# The JS layer: one source, bundled per entry; the engine glue stays a separate file.
esbuild npm/src/entry-node.js --bundle --format=cjs --platform=node --target=node18 \
  --external:./node/wecom_wasm.js --outfile="$PKG/index.cjs" --log-level=warning
esbuild npm/src/entry-browser.js --bundle --format=esm --platform=browser --target=es2022 \
  --external:./web/wecom_wasm.js --outfile="$PKG/browser.mjs" --log-level=warning
node -e '
  const api = require(process.argv[1]);
  const names = Object.keys(api).filter((k) => k !== "__esModule" && k !== "default");
  process.stdout.write(`// Node ESM entry: the CJS build, re-exported (one engine for import and require).\nimport api from "./index.cjs";\nexport const { ${names.join(", ")} } = api;\nexport default api;\n`);
' "$PKG/index.cjs" > "$PKG/index.mjs"

# Types and docs, generated from the Rust declarations.
cargo run -q -p wecom-codegen -- "$PKG/endpoints.d.ts" "$PKG/ENDPOINTS.md"
cp npm/types/index.d.ts "$PKG/index.d.ts"
cp "$PKG/index.d.ts" "$PKG/index.d.mts"
cp "$PKG/index.d.ts" "$PKG/index.d.cts"

# The Redis token store: Node only, ESM as written plus a CJS copy.
cp npm/src/redis-token-store.mjs npm/types/redis-token-store.d.ts "$PKG/"
esbuild npm/src/redis-token-store.mjs --format=cjs --platform=node --target=node18 \
  --outfile="$PKG/redis-token-store.cjs" --log-level=warning

cp npm/src/mock/*.mjs npm/src/mock/index.d.ts "$PKG/mock/"
chmod +x "$PKG/mock/cli.mjs"
cp npm/package.json "$PKG/package.json"
cp README.md LICENSE "$PKG/"

raw=$(stat -c %s "$PKG/web/wecom_wasm_bg.wasm")
gz=$(gzip -9 -c "$PKG/web/wecom_wasm_bg.wasm" | wc -c)
echo "build: pkg/ ready; wecom_wasm_bg.wasm ${raw} bytes raw, ${gz} bytes gzip -9"
