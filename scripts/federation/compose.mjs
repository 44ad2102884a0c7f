// Composes the supergraph from the subgraphs' own `_service { sdl }`, with The Guild's
// implementation of Apollo Federation's composition; fails on any error, and prints the
// hints, which the check then judges.
//   node compose.mjs OUT.graphql NAME=URL NAME=URL ...   (X_API_KEY: the gateway's key)
import { writeFileSync } from 'node:fs';

import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';

const [out, ...subgraphs] = process.argv.slice(2);

async function sdlOf(url) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-api-key': process.env.X_API_KEY ?? '' },
		body: JSON.stringify({ query: '{ _service { sdl } }' }),
	});
	const body = await response.json();
	if (!response.ok || body.errors) {
		throw new Error(`${url} answered _service with ${response.status}: ${JSON.stringify(body)}`);
	}
	return body.data._service.sdl;
}

const services = [];
for (const subgraph of subgraphs) {
	const [name, url] = subgraph.split('=');
	services.push({ name, url, typeDefs: parse(await sdlOf(url)) });
}
const result = composeServices(services);
for (const hint of result.hints ?? []) {
	console.log(`hint: ${hint.message}`);
}
if (result.errors?.length) {
	for (const error of result.errors) {
		console.error(`composition error: ${error.message}`);
	}
	process.exit(1);
}
writeFileSync(out, result.supergraphSdl);
console.log(`composed ${services.map((service) => service.name).join(' + ')}: ${result.hints?.length ?? 0} hint(s)`);
