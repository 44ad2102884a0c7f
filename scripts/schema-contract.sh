#!/usr/bin/env bash
# The schema contract's breaking-change check: graphql-inspector's diff of the published
# schema (schema/published.graphqls) against its previous version, failing on a breaking
# change that CHANGELOG.md does not list under a "### Breaking" heading
# (scripts/schema-contract/listed-in-changelog.mjs).
#
#   scripts/schema-contract.sh            every change of the last 20 commits that changed the
#                                          published schema (first parents: main as merged), each
#                                          against the version before it, and an uncommitted one
#                                          against HEAD's
#   scripts/schema-contract.sh OLD NEW    two schema files
#
# The base is the version before each change, not a release tag: the project has no
# releases, and what reaches main is what is deployed, so each change of main's schema is
# one that clients meet. Needs Node 20+ and npm (installs frontend-kit/ on first use).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
published=schema/published.graphqls
rule="$root/scripts/schema-contract/listed-in-changelog.mjs"
export CHANGELOG="${CHANGELOG:-$root/CHANGELOG.md}"

if [ ! -x "$root/frontend-kit/node_modules/.bin/graphql-inspector" ]; then
	(cd "$root/frontend-kit" && npm ci --no-audit --no-fund --silent)
fi
inspector="$root/frontend-kit/node_modules/.bin/graphql-inspector"

diff_schemas() { # old new label
	echo "== $3"
	"$inspector" diff "$1" "$2" --rule "$rule"
}

if [ $# -eq 2 ]; then
	diff_schemas "$1" "$2" "$1 -> $2"
	exit
fi
if [ $# -ne 0 ]; then
	echo "usage: $0 [OLD NEW]" >&2
	exit 2
fi

cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
checked=0
if git rev-parse -q --verify "HEAD:$published" >/dev/null && ! git diff --quiet HEAD -- "$published"; then
	git show "HEAD:$published" >"$work/head.graphqls"
	diff_schemas "$work/head.graphqls" "$published" "uncommitted change of $published" || failed=1
	checked=$((checked + 1))
fi
for commit in $(git log --first-parent -n 20 --format=%H -- "$published"); do
	if ! git rev-parse -q --verify "$commit^:$published" >/dev/null; then
		continue # the commit that first published it
	fi
	git show "$commit^:$published" >"$work/old.graphqls"
	git show "$commit:$published" >"$work/new.graphqls"
	diff_schemas "$work/old.graphqls" "$work/new.graphqls" "$(git log -1 --format='%h %s' "$commit")" || failed=1
	checked=$((checked + 1))
done
echo "schema contract: $checked change(s) of $published checked"
if [ "$failed" -ne 0 ]; then
	echo "schema contract: a breaking change is not listed in CHANGELOG.md (see above)" >&2
	exit 1
fi
