#!/usr/bin/env bash
# Rebuilds GraphiQL's assets in src/main/resources/static/graphiql/ from npm, so that the
# gateway's /graphiql page loads nothing from the internet. Pinned versions: GraphiQL 4.1.2
# is the last release with a build that runs from plain script tags (its UMD bundle, with
# the editor's fonts inlined); 5.x ships ES modules that need a bundler and Monaco's web
# workers. React 18.3.1 is the last React with UMD builds. Needs npm; run it after changing
# a version, then commit the files it writes (a run without changes leaves git clean).
set -euo pipefail
cd "$(dirname "$0")/.."

GRAPHIQL_VERSION=4.1.2
REACT_VERSION=18.3.1

target=src/main/resources/static/graphiql
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "graphiql@$GRAPHIQL_VERSION" "react@$REACT_VERSION" "react-dom@$REACT_VERSION" >/dev/null)
unpack() {
	mkdir -p "$work/$1"
	tar -xzf "$work/$1-$2.tgz" -C "$work/$1" --strip-components=1
}
unpack graphiql "$GRAPHIQL_VERSION"
unpack react "$REACT_VERSION"
unpack react-dom "$REACT_VERSION"

# start.js is the gateway's own, not vendored
find "$target" -mindepth 1 ! -name start.js -delete
mkdir -p "$target"
cp "$work/graphiql/graphiql.min.js" "$target/graphiql.min.js"
cp "$work/graphiql/graphiql.min.css" "$target/graphiql.min.css"
cp "$work/react/umd/react.production.min.js" "$target/react.production.min.js"
cp "$work/react-dom/umd/react-dom.production.min.js" "$target/react-dom.production.min.js"
# the bundles keep their source-map comments; the maps are not shipped
sed -i -e 's|^//# sourceMappingURL=.*$||' -e 's|/\*# sourceMappingURL=[^*]*\*/||' "$target"/*.js "$target"/*.css
for package in graphiql react react-dom; do
	cp "$work/$package/LICENSE" "$target/LICENSE-$package.txt"
done
cat >"$target/VERSIONS.txt" <<VERSIONS
Vendored by scripts/vendor-graphiql.sh from npm, served by the gateway's GraphiQL page
(src/main/resources/graphiql/offline.html, started by start.js).
graphiql $GRAPHIQL_VERSION
react $REACT_VERSION
react-dom $REACT_VERSION
VERSIONS
ls -l "$target"
