// Runs postWebhook on Deno for the TLS tests: reads cases as JSON from argv, prints the
// results as one JSON line. Deno has no test runner of ours; this is the same code under it.
import { postWebhook } from '../../src/webhooks/http-client.ts';

interface Case {
  url: string;
  address: string | null;
  extraCa: string | null;
}
if (process.argv[2] === undefined) throw new Error('usage: deno-post.ts <cases as JSON>');
const cases = JSON.parse(process.argv[2]) as Case[];
const results = [];
for (const c of cases) {
  const r = await postWebhook(
    c.address === null ? c.url : { url: c.url, address: c.address },
    '{"n":1}',
    { 'content-type': 'application/json' },
    5_000,
    c.extraCa,
  );
  results.push({ status: r.status, body: r.body, error: r.error });
}
console.log(JSON.stringify(results));
