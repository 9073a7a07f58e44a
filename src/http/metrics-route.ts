// GET /metrics, for the scraper only: the families name routes, tenants' backlogs and the
// engine's state, which are not for the internet. Three ways to let a scraper in, as
// METRICS_PORT / METRICS_TOKEN configure them (docs/operating.md, Operations): a listener of its own that
// the network keeps private (the public one then answers 404, as Keycloak's management port
// does), a bearer token (Prometheus `authorization: credentials_file`), or, with neither,
// clients on loopback only (the address after TRUSTED_PROXIES).
import { router } from './router.ts';
import { answers } from '../docs/responses.ts';
import { requestInfo } from './request-info.ts';
import type { Metrics } from '../metrics.ts';
import type { MetricsAccess } from '../config.ts';
import { forbidden, apiError } from '../errors.ts';
import { constantTimeEqual, sha256Hex } from '../crypto/hash.ts';

/** 127.0.0.0/8 and ::1, IPv4-mapped or not. */
export function isLoopback(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address);
}

const tokenRequired = () =>
  apiError('invalid_token', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>', {
    headers: { 'www-authenticate': 'Bearer realm="metrics"' },
  });

/**
 * The route; `ownListener` when it is served on METRICS_PORT, where the network decides who
 * reaches it (a token, when set, is still asked for).
 */
export function metricsRoutes(deps: { metrics: Metrics; access: MetricsAccess; ownListener: boolean }) {
  const { access } = deps;
  const tokenDigest = access.token === null ? null : sha256Hex(access.token);
  return router('metrics').get(
    '/metrics',
    async ({ request, set }) => {
      if (tokenDigest !== null) {
        const given = /^Bearer (\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
        // Digests of equal length, so the comparison says nothing about the token's length.
        if (given === undefined || !constantTimeEqual(await sha256Hex(given), await tokenDigest)) throw tokenRequired();
      } else if (!deps.ownListener && !isLoopback(requestInfo(request).client.address)) {
        throw forbidden(
          'metrics_not_public',
          'GET /metrics answers clients on loopback only; set METRICS_TOKEN (a bearer token) or METRICS_PORT (a listener of its own) to scrape it from elsewhere',
        );
      }
      set.headers['content-type'] = 'text/plain; version=0.0.4';
      return deps.metrics.scrape();
    },
    {
      detail: {
        summary: 'Prometheus metrics',
        description:
          'For the scraper: on METRICS_PORT when that is set (404 here), with Authorization: Bearer <METRICS_TOKEN> when that is set, else from loopback clients only.',
        tags: ['operations'],
        responses: answers(200, 'The Prometheus text exposition format (version 0.0.4)', 'text/plain'),
      },
    },
  );
}
