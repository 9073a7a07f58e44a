// The baseline of bench/tokens.ts: node-oidc-provider on Node, configured for the same grant
// (client_credentials, client_secret_post) and issuing JWT access tokens (RFC 9068) signed
// with the same algorithm. WORKERS > 1 forks that many processes sharing the port (cluster).
//   node bench/tokens/oidc-provider.mjs   env: PORT, ALG (RS256|ES256), WORKERS, CLIENT_ID, CLIENT_SECRET, JWKS (private JWK set, JSON)
import cluster from 'node:cluster';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const alg = process.env.ALG ?? 'RS256';
const workers = Number(process.env.WORKERS ?? '1');
const issuer = `http://127.0.0.1:${port}`;

if (cluster.isPrimary && workers > 1) {
  let ready = 0;
  for (let i = 0; i < workers; i++) {
    cluster.fork().on('message', (m) => {
      if (m === 'ready' && ++ready === workers) console.log('ready');
    });
  }
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill();
    process.exit(0);
  });
} else {
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: process.env.CLIENT_ID,
        client_secret: process.env.CLIENT_SECRET,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: alg,
        scope: 'webhooks:write',
      },
    ],
    jwks: JSON.parse(process.env.JWKS),
    scopes: ['webhooks:write'],
    ttl: { ClientCredentials: 3600 },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // Like for like with the DPoP-bound figure: proofs accepted, no nonce required.
      dPoP: { enabled: true }, // the default in v9; replay detection in its (in-memory, per-process) adapter
      resourceIndicators: {
        enabled: true,
        defaultResource: () => issuer,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'webhooks:write',
          audience: issuer,
          accessTokenTTL: 3600,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg } },
        }),
      },
    },
  });
  provider.proxy = false;
  provider.listen(port, '127.0.0.1', () => {
    if (process.send) process.send('ready');
    else console.log('ready');
  });
}
