// Writes the trusted-documents manifest of the example operations,
// examples/trusted-documents.json: {"<sha256 hex of the document>": "<document>"}, the format
// the gateway's gateway.clients.partners.<id>.trusted-documents reads. The document is
// graphql-js's print() of the operation with its fragments, which is what a client sends
// for the generated TypedDocumentNode (print(CompareWidgetDocument)) and what Apollo's
// persisted-queries link hashes, so a partner may send it in full or by its hash alone.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print } from 'graphql';

const root = new URL('..', import.meta.url).pathname;
const operations = join(root, 'examples', 'operations');
const manifest = join(root, 'examples', 'trusted-documents.json');

const documents = {};
for (const file of readdirSync(operations).filter((name) => name.endsWith('.graphql')).sort()) {
	const document = print(parse(readFileSync(join(operations, file), 'utf8')));
	documents[createHash('sha256').update(document).digest('hex')] = document;
}
writeFileSync(manifest, `${JSON.stringify(documents, null, 2)}\n`);
console.log(`${Object.keys(documents).length} trusted documents written to ${manifest}`);
