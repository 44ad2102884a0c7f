#!/usr/bin/env bash
# Shows the schema contract at work on a copy of the published schema: removing a field
# (Offer.stock) fails the breaking-change check, deprecating it instead passes, and the
# removal passes once CHANGELOG.md lists it under "### Breaking". Exits non-zero if any of
# the three goes otherwise. Needs Node 20+ and npm.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
field=Offer.stock
check() {
	scripts/schema-contract.sh schema/published.graphqls "$1" >"$work/out.txt" 2>&1
}

node scripts/schema-contract/edit-schema.mjs remove "$field" schema/published.graphqls "$work/removed.graphqls"
node scripts/schema-contract/edit-schema.mjs deprecate "$field" schema/published.graphqls "$work/deprecated.graphqls"
printf '# Changelog\n\n## Unreleased\n\n### Added\n\n- `%s` is listed here, not as a breaking change.\n' "$field" \
	>"$work/unlisted.md"
printf '# Changelog\n\n## Unreleased\n\n### Breaking\n\n- `%s` removed: deprecated for 90 days.\n' "$field" \
	>"$work/listed.md"

if CHANGELOG="$work/unlisted.md" check "$work/removed.graphqls"; then
	cat "$work/out.txt"
	echo "schema contract demonstration: removing $field passed the check" >&2
	exit 1
fi
if ! grep -q "list \`$field\`" "$work/out.txt"; then
	cat "$work/out.txt"
	echo "schema contract demonstration: the failure does not say how to list $field" >&2
	exit 1
fi
echo "removing $field without a CHANGELOG entry fails the check:"
grep "✖" "$work/out.txt"

if ! CHANGELOG="$work/unlisted.md" check "$work/deprecated.graphqls"; then
	cat "$work/out.txt"
	echo "schema contract demonstration: deprecating $field failed the check" >&2
	exit 1
fi
echo "deprecating $field instead passes:"
grep "✔" "$work/out.txt"

if ! CHANGELOG="$work/listed.md" check "$work/removed.graphqls"; then
	cat "$work/out.txt"
	echo "schema contract demonstration: removing $field failed although CHANGELOG.md lists it" >&2
	exit 1
fi
echo "removing $field listed under ### Breaking in CHANGELOG.md passes:"
grep "listed in" "$work/out.txt"

# the check .ci/run makes, on the history: a scratch clone where a commit removes the field
git clone -q "$root" "$work/clone"
ln -s "$root/frontend-kit/node_modules" "$work/clone/frontend-kit/node_modules"
cp scripts/schema-contract.sh "$work/clone/scripts/"
cp scripts/schema-contract/*.mjs "$work/clone/scripts/schema-contract/"
cp "$work/removed.graphqls" "$work/clone/schema/published.graphqls"
git -C "$work/clone" -c user.name=demo -c user.email=demo@localhost commit -q -am "Remove $field"
if (cd "$work/clone" && CHANGELOG="$work/unlisted.md" scripts/schema-contract.sh >"$work/out.txt" 2>&1); then
	cat "$work/out.txt"
	echo "schema contract demonstration: a commit removing $field passed the history check" >&2
	exit 1
fi
echo "a commit removing $field fails the check of the history:"
grep -E "^== |✖" "$work/out.txt"
