#!/usr/bin/env bash
# Runs `npm test` (optionally filtered: same arguments as npm test) on another Node line, e.g.
#   scripts/test-on-node.sh 24 test/readme
# That Node comes from the npm registry's `node` package. better-sqlite3 is a native addon built
# for one Node ABI, so the run happens in a copy of the checkout whose node_modules links every
# installed package except better-sqlite3, which is rebuilt from source there against that Node's
# own headers (the `node` package ships include/node): nothing is downloaded from outside the npm
# registry and the checkout's own node_modules is left alone. On the embedded database unless
# DATABASE_URL is set.
set -euo pipefail
major=${1:?usage: scripts/test-on-node.sh MAJOR [test path filters...]}
shift
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "/tmp/shipdock-node$major.XXXXXX")
trap 'rm -rf "$work"' EXIT

npm install --prefix "$work/runtime" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node@$major" >/dev/null
bin="$work/runtime/node_modules/node/bin"
header=$(find "$work/runtime/node_modules" -path '*/include/node/node.h' -print -quit)
[ -x "$bin/node" ] && [ -n "$header" ] || { echo "node@$major: no binary or headers in the npm package" >&2; exit 1; }
nodedir=$(dirname "$(dirname "$(dirname "$header")")")
echo "=== Node $("$bin/node" --version) from the npm registry's node@$major"

# The checkout without its node_modules, data or outputs.
mkdir "$work/app"
tar -C "$repo" --exclude=./node_modules --exclude=./.git --exclude=./data --exclude=./test-output -cf - . | tar -C "$work/app" -xf -
mkdir "$work/app/node_modules"
for entry in "$repo"/node_modules/* "$repo"/node_modules/.bin; do
  [ "$(basename "$entry")" = better-sqlite3 ] || ln -s "$(readlink -f "$entry")" "$work/app/node_modules/$(basename "$entry")"
done
cp -a "$(readlink -f "$repo/node_modules/better-sqlite3")" "$work/app/node_modules/better-sqlite3"
rm -rf "$work/app/node_modules/better-sqlite3/build"
node_gyp="$(npm prefix -g)/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
echo "=== building better-sqlite3 for Node $major (node-gyp, headers from the node package)"
(cd "$work/app/node_modules/better-sqlite3" && PATH="$bin:$PATH" npm_config_nodedir="$nodedir" \
  "$bin/node" "$node_gyp" rebuild --release -j "$(nproc)" >"$work/build.log" 2>&1) || { tail -n 40 "$work/build.log" >&2; exit 1; }

cd "$work/app"
PATH="$bin:$PATH" node -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get(); console.log('better-sqlite3 loads on', process.version)"
PATH="$bin:$PATH" npm test -- "$@"
