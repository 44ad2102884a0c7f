// The test's own view of the gateway, over plain HTTP: the widget's document sent in full
// with the test's partner key, and raw requests whose Origin a test chooses.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { ROOT } from './gateway.js';

const WIDGET_DOCUMENT = readFileSync(path.join(ROOT, 'examples/operations/TmallCompare.graphql'), 'utf8');

/** The answer to the widget's query, as the gateway gives it to a partner app. */
export async function compare(gateway, apiKey, { gtin, shipTo = 'ES', language }) {
	const response = await fetch(`${gateway}/graphql`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'X-Api-Key': apiKey, 'Accept-Language': language },
		body: JSON.stringify({ query: WIDGET_DOCUMENT, variables: { gtin, shipTo, currency: 'EUR' } }),
	});
	if (!response.ok) {
		throw new Error(`the gateway answered ${response.status}`);
	}
	return response.json();
}

/** One HTTP request with exactly these headers (fetch would not send an Origin of our choosing). */
export function raw(method, url, headers, body) {
	return new Promise((resolve, reject) => {
		const request = http.request(url, { method, headers }, (response) => {
			const chunks = [];
			response.on('data', (chunk) => chunks.push(chunk));
			response.on('end', () => resolve({
				status: response.statusCode,
				headers: response.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			}));
		});
		request.on('error', reject);
		request.end(body);
	});
}

export const WIDGET_HASH_REQUEST = (hash, gtin) => JSON.stringify({
	operationName: 'TmallCompare',
	variables: { gtin, shipTo: 'ES' },
	extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
});
