#!/usr/bin/env bash
# Builds better-sqlite3 (the embedded database's driver, a native addon) from source for the Node
# that runs npm (or $NODE), against C++ headers taken from the npm registry's `node` package, so
# nothing is downloaded from outside the npm registry. `npm run build:sqlite` (needed on Node 24);
# scripts/test-on-node.sh uses it on a copy of the checkout.
#   usage: scripts/build-sqlite.sh [path/to/node_modules/better-sqlite3]
set -euo pipefail
target=$(cd "${1:-$(dirname "$0")/../node_modules/better-sqlite3}" && pwd -P)
node=${NODE:-${npm_node_execpath:-node}}
version=$("$node" -p 'process.versions.node')

# From 24.19.0 Node 24's node_object_wrap.h registers an environment cleanup hook per ObjectWrap,
# whose removal aborts the process ("Assertion failed: (env) != nullptr" in
# RemoveEnvironmentCleanupHook) when better-sqlite3 12 frees a statement in a GC outside a context:
# nodejs/node#65446, WiseLibs/better-sqlite3#1515 (closed without a fix in 12.x; 13.x needs Node 22+
# and so cannot serve Node 20). The header is inline code compiled into the addon, and an addon
# built against 24.18.1's headers runs cleanly on later 24.x (same ABI, 137).
headers="node@$version"
if "$node" -e 'const [major, minor] = process.versions.node.split(".").map(Number); process.exit(major === 24 && minor >= 19 ? 0 : 1)'; then
  headers="node@24.18.1"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "better-sqlite3: building for Node $version against the $headers package's headers"
npm install --prefix "$tmp/headers" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$headers" >/dev/null
header=$(find "$tmp/headers/node_modules" -path '*/include/node/node.h' -print -quit)
[ -n "$header" ] || { echo "no include/node in the $headers package" >&2; exit 1; }
nodedir=$(dirname "$(dirname "$(dirname "$header")")")
node_gyp="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$node_gyp" ] || { echo "npm's bundled node-gyp not found at $node_gyp" >&2; exit 1; }

(cd "$target" && rm -rf build && PATH="$(dirname "$node"):$PATH" npm_config_nodedir="$nodedir" \
  "$node" "$node_gyp" rebuild --release -j "$(nproc)" >"$tmp/build.log" 2>&1) || { tail -n 40 "$tmp/build.log" >&2; exit 1; }
"$node" -e 'const Database = require(process.argv[1]); new Database(":memory:").prepare("select 1").get(); console.log("better-sqlite3: loads on Node", process.version)' "$target"
