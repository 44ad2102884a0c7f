// A graphql-inspector diff rule: a breaking change is accepted when CHANGELOG.md lists its
// schema coordinate (e.g. `Offer.stock`, `Query.product.gtin`) in backticks under a heading
// that says "Breaking". Accepted changes are reported as dangerous, so the diff still shows
// them; the others stay breaking, and graphql-inspector fails on them.
// CHANGELOG names the file (default: CHANGELOG.md in the current directory).
import { existsSync, readFileSync } from 'node:fs';

const BREAKING = 'BREAKING';
const DANGEROUS = 'DANGEROUS';

function listedCoordinates(changelog) {
	const listed = new Set();
	if (!existsSync(changelog)) {
		return listed;
	}
	let level = 0;
	for (const line of readFileSync(changelog, 'utf8').split('\n')) {
		const heading = /^(#+)\s+(.*)$/.exec(line);
		if (heading) {
			if (/breaking/i.test(heading[2])) {
				level = heading[1].length;
			}
			else if (level && heading[1].length <= level) {
				level = 0;
			}
			continue;
		}
		if (level) {
			for (const match of line.matchAll(/`([^`]+)`/g)) {
				listed.add(match[1].trim());
			}
		}
	}
	return listed;
}

export default function listedInChangelog({ changes }) {
	const changelog = process.env.CHANGELOG || 'CHANGELOG.md';
	const listed = listedCoordinates(changelog);
	return changes.map((change) => {
		if (change.criticality.level !== BREAKING) {
			return change;
		}
		if (change.path && listed.has(change.path)) {
			return {
				...change,
				message: `${change.message} (listed in ${changelog})`,
				criticality: { ...change.criticality, level: DANGEROUS },
			};
		}
		const what = change.path ? `\`${change.path}\`` : 'it';
		return {
			...change,
			message: `${change.message}: not in ${changelog}; list ${what} under a "### Breaking" heading if it is meant`,
		};
	});
}
