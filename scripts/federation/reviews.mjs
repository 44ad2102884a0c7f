// A tiny "reviews" subgraph, written for the federation check (scripts/federation-check.sh):
// it extends the gateway's Product by its gtin with reviews, and its reviews refer back to
// products, so queries through the supergraph cross both ways.
//   node reviews.mjs PORT GTIN,GTIN,...
import { createServer } from 'node:http';

import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';

const [port, gtinList] = process.argv.slice(2);
const reviews = gtinList.split(',').flatMap((gtin, index) => [
	{ id: `r${index}a`, gtin, stars: 5 - (index % 3), text: `Does what it says (${gtin})` },
	{ id: `r${index}b`, gtin, stars: 3 + (index % 2), text: `Arrived well packed (${gtin})` },
]);

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])

  scalar GTIN

  type Query {
    "The best reviews, best first."
    topReviews(first: Int! = 3): [Review!]!
  }

  type Review {
    id: ID!
    stars: Int!
    text: String!
    product: Product!
  }

  type Product @key(fields: "gtin") {
    gtin: GTIN!
    reviews: [Review!]!
  }
`);

const resolvers = {
	Query: {
		topReviews: (_, { first }) => [...reviews].sort((a, b) => b.stars - a.stars).slice(0, first),
	},
	Review: {
		product: (review) => ({ gtin: review.gtin }),
	},
	Product: {
		__resolveReference: (reference) => ({ gtin: reference.gtin }),
		reviews: (product) => reviews.filter((review) => review.gtin === product.gtin),
	},
};

const yoga = createYoga({ schema: buildSubgraphSchema([{ typeDefs, resolvers }]), logging: 'warn' });
createServer(yoga).listen(Number(port), '127.0.0.1', () => console.log(`reviews subgraph on 127.0.0.1:${port}`));
