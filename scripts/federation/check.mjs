// Queries that cross the supergraph both ways, each compared with the same data asked of
// the gateway directly: reviews -> product -> offers, and product -> reviews. Fails on
// any error, and on any offer, delivery label or landed cost that differs.
//   node check.mjs ROUTER_URL GATEWAY_URL SHIP_TO   (X_API_KEY: the gateway's key)
import { deepStrictEqual } from 'node:assert/strict';

const [router, gateway, shipTo] = process.argv.slice(2);

const OFFER = `marketplace origin price { amount currency } landedCost { total { amount formatted } regime }
  delivery { shipsFrom minDays maxDays earliestDate latestDate label }`;

async function ask(url, query, variables) {
	const response = await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			accept: 'application/graphql-response+json',
			'accept-language': 'fr',
			'x-api-key': process.env.X_API_KEY ?? '',
		},
		body: JSON.stringify({ query, variables }),
	});
	const body = await response.json();
	if (!response.ok || body.errors) {
		throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body).slice(0, 2000)}`);
	}
	return body.data;
}

async function direct(gtins) {
	const data = await ask(gateway, `query($gtins: [GTIN!]!, $shipTo: CountryCode!) {
	  products(gtins: $gtins, shipTo: $shipTo) { gtin title offers { ${OFFER} } }
	}`, { gtins, shipTo });
	return new Map(data.products.map((product) => [product.gtin, product]));
}

// reviews (the reviews subgraph) -> product (the gateway, by _entities) -> offers
const { topReviews } = await ask(router, `query($shipTo: CountryCode!) {
  topReviews(first: 3) { stars text product { gtin title offers(shipTo: $shipTo) { ${OFFER} } } }
}`, { shipTo });
const products = await direct([...new Set(topReviews.map((review) => review.product.gtin))]);
for (const review of topReviews) {
	deepStrictEqual(review.product, products.get(review.product.gtin), `the offers of ${review.product.gtin}`);
}
const offers = topReviews.flatMap((review) => review.product.offers);
if (offers.length === 0) {
	throw new Error('the reviewed products came back with no offers');
}
console.log(`reviews -> product -> offers: ${topReviews.length} reviews, ${offers.length} offers, the same as the`
	+ ` gateway's products(shipTo: ${shipTo}); e.g. "${offers[0].delivery.label}", ${offers[0].landedCost.total.formatted}`);

// product (the gateway) -> reviews (the reviews subgraph, by _entities)
const gtin = topReviews[0].product.gtin;
const { product } = await ask(router, `query($gtin: GTIN!, $shipTo: CountryCode!) {
  product(gtin: $gtin, shipTo: $shipTo) { gtin title offers { ${OFFER} } reviews { stars text } }
}`, { gtin, shipTo });
const { reviews, ...ours } = product;
deepStrictEqual(ours, products.get(gtin), `the product ${gtin} through the supergraph`);
if (!reviews.some((review) => review.text.includes(gtin))) {
	throw new Error(`product ${gtin} came back without its reviews: ${JSON.stringify(reviews)}`);
}
console.log(`product -> reviews: ${gtin} with ${ours.offers.length} offers and ${reviews.length} reviews`);
