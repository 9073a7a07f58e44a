// Every domain's route plugin, mounted once by the HTTP composition in main.ts.
import type { AnyElysia } from 'elysia';
import type { Services } from './services.ts';
import { jwksRoutes } from './oauth/keys/routes.ts';
import { identityRoutes } from './identity/routes.ts';
import { oauthRoutes } from './oauth/routes.ts';
import { reviewedAccessRoutes } from './reviewed-access/routes.ts';
import { integrationRequestRoutes } from './integration-requests/routes.ts';
import { studioRoutes } from './studio/routes.ts';
import { webhookRoutes } from './webhooks/routes.ts';
import { eventRoutes } from './events/routes.ts';
import { serviceTokenRoutes } from './oauth/service-tokens/routes.ts';
import { authorizeRoutes } from './oauth/authorize/routes.ts';
import { graphqlRoutes } from './graphql/routes.ts';
import { portalRoutes } from './portal/routes.ts';

export function routePlugins(services: Services): AnyElysia[] {
  return [
    jwksRoutes(services),
    identityRoutes(services),
    oauthRoutes(services),
    reviewedAccessRoutes(services.config.publicUrl),
    integrationRequestRoutes(services),
    studioRoutes({ ...services, machines: services.catalog }),
    webhookRoutes(services),
    eventRoutes(services),
    serviceTokenRoutes(services),
    authorizeRoutes({ authorization: services.authorization, secure: services.config.publicUrl.startsWith('https:') }),
    graphqlRoutes(services),
    portalRoutes(services),
  ];
}
