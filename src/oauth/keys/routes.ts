import { t } from 'elysia';
import { router } from '../../http/router.ts';
import { answers } from '../../docs/responses.ts';
import type { KeyRing } from './service.ts';

const Jwks = t.Object({
  keys: t.Array(
    t.Object({ kty: t.String(), kid: t.String(), use: t.String(), alg: t.String() }, { additionalProperties: true }),
  ),
});

export function jwksRoutes({ keys }: { keys: Pick<KeyRing, 'jwks'> }) {
  const handler = async ({ set }: { set: { headers: Record<string, string | number> } }) => {
    set.headers['cache-control'] = 'public, max-age=300';
    return keys.jwks();
  };
  const detail = (summary: string) => ({
    detail: {
      summary,
      tags: ['JWKS and token verification'],
      security: [],
      responses: answers(200, "The service's public signing keys (RFC 7517)", Jwks),
    },
  });
  return router('jwks')
    .get('/.well-known/jwks.json', handler, detail('OpenID-compatible JWKS discovery'))
    .get('/v1/auth/jwks.json', handler, detail('Versioned JWKS endpoint'));
}
