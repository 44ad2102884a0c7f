// Serves a composed supergraph with Hive Gateway's runtime, forwarding the client's
// X-Api-Key and Accept-Language to the subgraphs, as a router in front of the gateway
// must (README, "Federation").
//   node router.mjs PORT SUPERGRAPH.graphql
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import { createGatewayRuntime } from '@graphql-hive/gateway';

const [port, supergraph] = process.argv.slice(2);
const gateway = createGatewayRuntime({
	supergraph: readFileSync(supergraph, 'utf8'),
	logging: 'warn',
	propagateHeaders: {
		fromClientToSubgraphs: ({ request }) => ({
			'x-api-key': request.headers.get('x-api-key'),
			'accept-language': request.headers.get('accept-language'),
		}),
	},
});
const server = createServer(gateway).listen(Number(port), '127.0.0.1', () => console.log(`supergraph on 127.0.0.1:${port}`));
// the runtime keeps the process alive after SIGTERM: the check stops it by its PID
process.on('SIGTERM', () => gateway.dispose().finally(() => server.close(() => process.exit(0))));
