// graphql-http's GraphQL-over-HTTP conformance audit against a running gateway.
// Usage: node graphql-http-audit.mjs <url>; the partner key comes from AUDIT_API_KEY.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
const key = process.env.AUDIT_API_KEY;
const fetchWithKey = (input, init = {}) =>
  fetch(input, { ...init, headers: { ...(init.headers || {}), 'x-api-key': key } });

const results = await auditServer({ url, fetchFn: fetchWithKey });
const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const result of results) {
  counts[result.status]++;
  const line = `${result.status.toUpperCase().padEnd(6)} ${result.id} ${result.name}`;
  console.log(result.status === 'ok' ? line : `${line}\n       ${result.reason}`);
}
console.log(`\n${results.length} audits: ${counts.ok} ok, ${counts.notice} notice, ${counts.warn} warn, ${counts.error} error`);
process.exit(counts.error > 0 ? 1 : 0);
