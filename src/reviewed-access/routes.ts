// Capabilities behind reviewed access (the contract's "Disponibile su richiesta"): the routes
// exist and answer one documented 403 for every method and sub-path, pointing at the form.
import { router } from '../http/router.ts';
import { type ApiError, apiError } from '../errors.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export function reviewedAccessError(publicUrl: string, capability: string): ApiError {
  return apiError(
    'reviewed_access_required',
    `${capability} is available only through reviewed access; request it with the integration request form`,
    { extra: { request_access_url: `${publicUrl}/integration-request` } },
  );
}

export function reviewedAccessRoutes(publicUrl: string) {
  const surfaces = [
    {
      paths: ['/api/v1/platform', '/api/v1/platform/*'],
      capability: 'The platform control-plane API (/api/v1/platform)',
    },
    { paths: ['/v1/saml', '/v1/saml/*'], capability: 'Enterprise federation and SAML (/v1/saml)' },
  ];
  let app = router('reviewed-access');
  for (const { paths, capability } of surfaces) {
    for (const path of paths) {
      for (const method of METHODS) {
        app = app.route(
          method,
          path,
          () => {
            throw reviewedAccessError(publicUrl, capability);
          },
          { detail: { summary: `${capability}: available on request`, tags: ['Available on request'], security: [] } },
        );
      }
    }
  }
  return app;
}
