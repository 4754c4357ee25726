#!/usr/bin/env bash
# Runs `npm test` (optionally filtered: same arguments as npm test) on another Node line, e.g.
#   scripts/test-on-node.sh 24 test/readme
# That Node comes from the npm registry's `node` package. better-sqlite3 is a native addon built
# for one Node ABI, so the run happens in a copy of the checkout whose node_modules links every
# installed package except better-sqlite3, which scripts/build-sqlite.sh rebuilds from source there
# for that Node: nothing is downloaded from outside the npm registry and the checkout's own
# node_modules is left alone. On the embedded database unless DATABASE_URL is set.
set -euo pipefail
major=${1:?usage: scripts/test-on-node.sh MAJOR [test path filters...]}
shift
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "/tmp/shipdock-node$major.XXXXXX")
trap 'rm -rf "$work"' EXIT

npm install --prefix "$work/runtime" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node@$major" >/dev/null
bin="$work/runtime/node_modules/node/bin"
[ -x "$bin/node" ] || { echo "node@$major: no binary in the npm package" >&2; exit 1; }
echo "=== Node $("$bin/node" --version) from the npm registry's node@$major"

# The checkout without its node_modules, data or outputs.
mkdir "$work/app"
tar -C "$repo" --exclude=./node_modules --exclude=./.git --exclude=./data --exclude=./test-output -cf - . | tar -C "$work/app" -xf -
mkdir "$work/app/node_modules"
for entry in "$repo"/node_modules/* "$repo"/node_modules/.bin; do
  [ "$(basename "$entry")" = better-sqlite3 ] || ln -s "$(readlink -f "$entry")" "$work/app/node_modules/$(basename "$entry")"
done
cp -a "$(readlink -f "$repo/node_modules/better-sqlite3")" "$work/app/node_modules/better-sqlite3"
NODE="$bin/node" "$repo/scripts/build-sqlite.sh" "$work/app/node_modules/better-sqlite3"

cd "$work/app"
PATH="$bin:$PATH" npm test -- "$@"
