export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: database reachable and migrations applied
         * @description Answers 503 with the same body (status not_ready, and which check failed) when not ready.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description For the scraper: on METRICS_PORT when that is set (404 here), with Authorization: Bearer <METRICS_TOKEN> when that is set, else from loopback clients only.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OpenID-compatible JWKS discovery */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Versioned JWKS endpoint */
        get: operations["getAuthJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/scopes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List available scopes */
        get: operations["listScopes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List platform apps */
        get: operations["listApps"];
        put?: never;
        /** Create a platform app */
        post: operations["createApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/apps/{client_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inspect an integration app */
        get: operations["getApp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/apps/{client_id}/governance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update app governance */
        patch: operations["updateAppGovernance"];
        trace?: never;
    };
    "/v1/platform/apps/{client_id}/jwks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a private_key_jwt app's public keys (key rotation) */
        put: operations["replaceAppJwks"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/apps/{client_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate an app secret */
        post: operations["rotateAppSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit trail of app and governance changes */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/par": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Push an authorization request (RFC 9126) */
        post: operations["pushAuthorizationRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/oauth-authorization-server": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OAuth 2.0 authorization server metadata (RFC 8414) */
        get: operations["getAuthorizationServerMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an access or refresh token (RFC 7009) */
        post: operations["revokeToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Introspect a token (RFC 7662) */
        post: operations["introspectToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange or mint access tokens */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The platform control-plane API (/api/v1/platform): available on request */
        get: operations["getPlatformApi"];
        /** The platform control-plane API (/api/v1/platform): available on request */
        put: operations["replacePlatformApi"];
        /** The platform control-plane API (/api/v1/platform): available on request */
        post: operations["createPlatformApi"];
        /** The platform control-plane API (/api/v1/platform): available on request */
        delete: operations["deletePlatformApi"];
        options?: never;
        head?: never;
        /** The platform control-plane API (/api/v1/platform): available on request */
        patch: operations["updatePlatformApi"];
        trace?: never;
    };
    "/api/v1/platform/*": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The platform control-plane API (/api/v1/platform): available on request */
        get: operations["getPlatformApiResource"];
        /** The platform control-plane API (/api/v1/platform): available on request */
        put: operations["replacePlatformApiResource"];
        /** The platform control-plane API (/api/v1/platform): available on request */
        post: operations["createPlatformApiResource"];
        /** The platform control-plane API (/api/v1/platform): available on request */
        delete: operations["deletePlatformApiResource"];
        options?: never;
        head?: never;
        /** The platform control-plane API (/api/v1/platform): available on request */
        patch: operations["updatePlatformApiResource"];
        trace?: never;
    };
    "/v1/saml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Enterprise federation and SAML (/v1/saml): available on request */
        get: operations["getSaml"];
        /** Enterprise federation and SAML (/v1/saml): available on request */
        put: operations["replaceSaml"];
        /** Enterprise federation and SAML (/v1/saml): available on request */
        post: operations["createSaml"];
        /** Enterprise federation and SAML (/v1/saml): available on request */
        delete: operations["deleteSaml"];
        options?: never;
        head?: never;
        /** Enterprise federation and SAML (/v1/saml): available on request */
        patch: operations["updateSaml"];
        trace?: never;
    };
    "/v1/saml/*": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Enterprise federation and SAML (/v1/saml): available on request */
        get: operations["getSamlResource"];
        /** Enterprise federation and SAML (/v1/saml): available on request */
        put: operations["replaceSamlResource"];
        /** Enterprise federation and SAML (/v1/saml): available on request */
        post: operations["createSamlResource"];
        /** Enterprise federation and SAML (/v1/saml): available on request */
        delete: operations["deleteSamlResource"];
        options?: never;
        head?: never;
        /** Enterprise federation and SAML (/v1/saml): available on request */
        patch: operations["updateSamlResource"];
        trace?: never;
    };
    "/integration-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Vendor Integration Request form (HTML) */
        get: operations["getIntegrationRequestForm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/integration-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the tenant's integration requests */
        get: operations["listIntegrationRequests"];
        put?: never;
        /** Submit a Vendor Integration Request */
        post: operations["createIntegrationRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/integration-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update an integration request's status */
        patch: operations["updateIntegrationRequest"];
        trace?: never;
    };
    "/studio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studio page (HTML) */
        get: operations["getStudio"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studio/js/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the studio script's modules (main.js imports the others) */
        get: operations["getStudioModule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/studio/zoom.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The studio drawings' zoom and pan script */
        get: operations["getStudioZoomScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the studio is open for */
        get: operations["getStudioSession"];
        put?: never;
        /** Sign in to the studio as a tenant administrator (sets an HttpOnly session cookie) */
        post: operations["createStudioSession"];
        /** Sign out of the studio (revokes the session) */
        delete: operations["deleteStudioSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/machines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every machine of the product */
        get: operations["listMachines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/machines/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A machine definition as XState JSON */
        get: operations["getMachine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/machines/{name}/diagram.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A machine drawn as a statechart (SVG) */
        get: operations["getMachineDiagram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/machines/{name}/instances/{id}/journal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An instance's path through its machine */
        get: operations["getMachineJournal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/machines/{name}/instances/{id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An instance's transitions, live (server-sent events) */
        get: operations["streamMachineInstance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/favicon.ico": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service's icon */
        get: operations["getFavicon"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's webhooks, for the studio
         * @description Signed-in studio session or admin token.
         */
        get: operations["listStudioWebhooks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's subscription state and recent transitions */
        get: operations["getStudioWebhook"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}/deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A delivery's path through the delivery machine, with every attempt */
        get: operations["getStudioDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's subscription and delivery transitions, live (server-sent events) */
        get: operations["streamStudioWebhook"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/authorization-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where recent authorization sessions stand (no codes, tokens or session ids) */
        get: operations["listStudioAuthorizationSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}/deliveries/{delivery_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-send a failed delivery, from the studio
         * @description As POST /v1/webhooks/{webhook_id}/deliveries/{delivery_id}/retry; a cookie session also sends the studio origin and its CSRF token.
         */
        post: operations["retryStudioDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-send every failed delivery since a time, from the studio */
        post: operations["recoverStudioWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}/deliveries/retry-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many failed or skipped deliveries a retry of those matching a filter would send again; nothing changes */
        get: operations["previewStudioRetry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}/deliveries/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-send the failed or skipped deliveries matching a filter (the oldest 10,000), each as a single retry */
        post: operations["retryStudioDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}/deliveries/replay-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many events a replay of those of the webhook's deliveries matching a filter would send again; nothing changes */
        get: operations["previewStudioReplay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}/deliveries/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replay to the webhook the events of its deliveries matching a filter (the oldest 10,000), each as POST /v1/events/{event_id}/replay with this webhook_id */
        post: operations["replayStudioDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a webhook, from the studio */
        post: operations["pauseStudioWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused webhook, from the studio */
        post: operations["resumeStudioWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-enable a disabled webhook, from the studio */
        post: operations["enableStudioWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test webhook, from the studio */
        post: operations["testStudioWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find a delivery or an event of the tenant by its id, events by a value in their data within a time range, or webhooks by their URL's host or path */
        get: operations["searchStudio"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's deliveries, newest first, a page at a time, by status, event type, last answer and time */
        get: operations["listStudioDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's events, newest first */
        get: operations["listStudioEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An event with its deliveries across webhooks */
        get: operations["getStudioEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}/deliveries/{delivery_id}/why": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a delivery and its webhook wait for: pending timers and what each will do, and the body sent */
        get: operations["getStudioDeliveryWhy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/webhooks/{id}/why": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's own clocks: auto-disable and the secret grace window */
        get: operations["getStudioWebhookWhy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/studio/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each webhook's last hour (success rate, p50/p95 latency, attempts per 5 minutes) and its queue now (due, in line, in flight, retrying, held) */
        get: operations["getStudioHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhooks */
        get: operations["listWebhooks"];
        put?: never;
        /** Create a webhook */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inspect a webhook */
        get: operations["getWebhook"];
        /** Update a webhook */
        put: operations["updateWebhook"];
        post?: never;
        /** Delete a webhook */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhook_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Review delivery attempts */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhook_id}/deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A delivery with every attempt */
        get: operations["getDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-send a failed delivery */
        post: operations["retryDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhook_id}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-send every failed delivery since a time */
        post: operations["recoverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhook_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test webhook */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event catalog, with the JSON Schema of each type's data */
        get: operations["listEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events published to the tenant, newest first */
        get: operations["listEvents"];
        put?: never;
        /**
         * Publish an event to the tenant's subscriptions
         * @description Body: {"type": a publishable type, "data": an object}. data is checked against its type's JSON Schema (GET /v1/events/types; the *Data components of this document): a 400 names the first field that does not fit, and nothing is written. 202 with {id, type, deliveries, created_at}; 200 with Idempotent-Replayed: true for the same request again under its Idempotency-Key (kept 24 h); 409 idempotency_key_reused, naming the first event, for another request (another type or data) under a key already used.
         */
        post: operations["publishEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{event_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An event with every delivery it produced */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{event_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an event again, as fresh deliveries with the same webhook-id
         * @description To every webhook of the tenant (of the app, for an app's token) that receives the event's type, as a publish would (held while paused, skipped while disabled), or with {"webhook_id"} to that one (409 not_subscribed or webhook_disabled when it cannot take it). Operational events and test sends are not replayed (409 not_replayable). Needs webhooks:write.
         */
        post: operations["replayEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/apps/{client_id}/service-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mint a service token */
        post: operations["createServiceToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/apps/{client_id}/service-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an app's service tokens (never their value) */
        get: operations["listServiceTokens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/apps/{client_id}/service-tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a service token */
        delete: operations["revokeServiceToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start OAuth authorization code flow */
        get: operations["authorize"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/authorize/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign-in form of the authorization flow */
        post: operations["authorizeLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/authorize/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Consent form of the authorization flow */
        post: operations["authorizeConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/graphql": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Run an approved query over GET
         * @description Queries only (a mutation over GET answers 405 with errors[].extensions.code METHOD_NOT_ALLOWED and Allow: POST). Same headers and answers as POST.
         */
        get: operations["graphqlQuery"];
        put?: never;
        /**
         * Use the shared GraphQL transport
         * @description Runs one of the operations approved for your app (its curated bundles). Needs a bearer token with the graphql scope and X-Tenant-ID. Introspection is disabled; anything but an approved operation is refused with errors[].extensions.code = OPERATION_NOT_APPROVED.
         */
        post: operations["graphql"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/apps/{client_id}/graphql-operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The GraphQL operations an app may run
         * @description Names, ids and documents of the operations in the bundles granted to the app (governance graphql_bundles), so a build can pin them. A tenant administrator token, or the app's own token with the graphql scope.
         */
        get: operations["listAppGraphqlOperations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/apps/{client_id}/portal-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint a link to an app's portal
         * @description A single-use link (it works once, within 600 s) that opens the portal of this app: its webhooks, their deliveries and attempts, retries and recovery, test sends, secret rotation, and the event catalog. The page exchanges the link for a session of 3600 s.
         */
        post: operations["createPortalLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a portal link for a session
         * @description The portal page sends the code of its link's fragment here, once. The session is a bearer token (no cookie: the portal works the same embedded in another site).
         */
        post: operations["createPortalSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The portal session of this token */
        get: operations["getPortalSession"];
        put?: never;
        post?: never;
        /** End a portal session */
        delete: operations["deletePortalSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's portal settings */
        get: operations["getPortalSettings"];
        /** Set the sites that may embed the portal */
        put: operations["updatePortalSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/portal.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The portal script */
        get: operations["getPortalScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/{tenant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The portal page (HTML) */
        get: operations["getPortal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "case.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A case was created
         * @description Sent to every webhook subscribed to case.created. Signed per Standard Webhooks; retried on the published schedule until a 2xx.
         */
        post: operations["webhookCaseCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "case.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A case changed
         * @description Sent to every webhook subscribed to case.updated. Signed per Standard Webhooks; retried on the published schedule until a 2xx.
         */
        post: operations["webhookCaseUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "incident.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An incident was opened
         * @description Sent to every webhook subscribed to incident.created. Signed per Standard Webhooks; retried on the published schedule until a 2xx.
         */
        post: operations["webhookIncidentCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "incident.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An incident changed
         * @description Sent to every webhook subscribed to incident.updated. Signed per Standard Webhooks; retried on the published schedule until a 2xx.
         */
        post: operations["webhookIncidentUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "incident.closed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An incident was closed
         * @description Sent to every webhook subscribed to incident.closed. Signed per Standard Webhooks; retried on the published schedule until a 2xx.
         */
        post: operations["webhookIncidentClosed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A synthetic delivery from POST /v1/webhooks/{id}/test
         * @description Sent to every webhook subscribed to webhook.test (published by the service itself). Signed per Standard Webhooks; retried on the published schedule until a 2xx.
         */
        post: operations["webhookWebhookTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "delivery.exhausted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Operational: a delivery used up its retries
         * @description Sent to every webhook subscribed to delivery.exhausted (published by the service itself). Signed per Standard Webhooks; retried on the published schedule until a 2xx.
         */
        post: operations["webhookDeliveryExhausted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Operational: a subscription was disabled
         * @description Sent to every webhook subscribed to webhook.disabled (published by the service itself). Signed per Standard Webhooks; retried on the published schedule until a 2xx.
         */
        post: operations["webhookWebhookDisabled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.failing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Operational: a subscription started failing (its first failed delivery after a success)
         * @description Sent to every webhook subscribed to webhook.failing (published by the service itself). Signed per Standard Webhooks; retried on the published schedule until a 2xx.
         */
        post: operations["webhookWebhookFailing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.recovered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Operational: a failing subscription delivered again
         * @description Sent to every webhook subscribed to webhook.recovered (published by the service itself). Signed per Standard Webhooks; retried on the published schedule until a 2xx.
         */
        post: operations["webhookWebhookRecovered"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.held_expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Operational: a delivery held while its webhook was paused expired (held longer than DELIVERY_RETENTION_DAYS)
         * @description Sent to every webhook subscribed to webhook.held_expired (published by the service itself). Signed per Standard Webhooks; retried on the published schedule until a 2xx.
         */
        post: operations["webhookWebhookHeldExpired"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @description A case, as it was created
         * @example {
         *       "id": "case_7Hd1Qa",
         *       "title": "Refund dispute",
         *       "status": "open",
         *       "incident_ids": [
         *         "inc_4Fq2Yx"
         *       ],
         *       "created_at": "2026-03-23T12:00:00.000Z",
         *       "updated_at": "2026-03-23T12:00:00.000Z",
         *       "closed_at": null
         *     }
         */
        CaseCreatedData: {
            /** @description the case (case_…), as GraphQL mutations publish it */
            id?: string;
            /** @description the case, when the publisher names it so */
            case_id?: string;
            /** @description its title */
            title?: string;
            /** @description its status */
            status?: "open" | "in_progress" | "closed";
            /** @description the incidents linked to it */
            incident_ids?: string[];
            /**
             * Format: date-time
             * @description when it was created
             */
            created_at?: string;
            /**
             * Format: date-time
             * @description when it last changed
             */
            updated_at?: string;
            /** @description when it was closed; null while open */
            closed_at?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description A case, as it is after the change
         * @example {
         *       "id": "case_7Hd1Qa",
         *       "title": "Refund dispute",
         *       "status": "in_progress",
         *       "incident_ids": [
         *         "inc_4Fq2Yx"
         *       ],
         *       "created_at": "2026-03-23T12:00:00.000Z",
         *       "updated_at": "2026-03-23T12:00:00.000Z",
         *       "closed_at": null,
         *       "changes": [
         *         "status"
         *       ]
         *     }
         */
        CaseUpdatedData: {
            /** @description the case (case_…), as GraphQL mutations publish it */
            id?: string;
            /** @description the case, when the publisher names it so */
            case_id?: string;
            /** @description its title */
            title?: string;
            /** @description its status */
            status?: "open" | "in_progress" | "closed";
            /** @description the incidents linked to it */
            incident_ids?: string[];
            /**
             * Format: date-time
             * @description when it was created
             */
            created_at?: string;
            /**
             * Format: date-time
             * @description when it last changed
             */
            updated_at?: string;
            /** @description when it was closed; null while open */
            closed_at?: string | null;
            /** @description the fields this change changed */
            changes?: string[];
        } & {
            [key: string]: unknown;
        };
        /**
         * @description An incident, as it was opened
         * @example {
         *       "id": "inc_4Fq2Yx",
         *       "title": "Checkout latency",
         *       "severity": "high",
         *       "status": "open",
         *       "created_at": "2026-03-23T12:00:00.000Z",
         *       "updated_at": "2026-03-23T12:00:00.000Z",
         *       "closed_at": null
         *     }
         */
        IncidentCreatedData: {
            /** @description the incident (inc_…), as GraphQL mutations publish it */
            id?: string;
            /** @description the incident, when the publisher names it so */
            incident_id?: string;
            /** @description its title */
            title?: string;
            /** @description its severity */
            severity?: "low" | "medium" | "high" | "critical";
            /** @description its status */
            status?: "open" | "closed";
            /**
             * Format: date-time
             * @description when it was opened
             */
            created_at?: string;
            /**
             * Format: date-time
             * @description when it last changed
             */
            updated_at?: string;
            /** @description when it was closed; null while open */
            closed_at?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description An incident, as it is after the change
         * @example {
         *       "id": "inc_4Fq2Yx",
         *       "title": "Checkout latency",
         *       "severity": "critical",
         *       "status": "open",
         *       "created_at": "2026-03-23T12:00:00.000Z",
         *       "updated_at": "2026-03-23T12:00:00.000Z",
         *       "closed_at": null,
         *       "changes": [
         *         "severity"
         *       ]
         *     }
         */
        IncidentUpdatedData: {
            /** @description the incident (inc_…), as GraphQL mutations publish it */
            id?: string;
            /** @description the incident, when the publisher names it so */
            incident_id?: string;
            /** @description its title */
            title?: string;
            /** @description its severity */
            severity?: "low" | "medium" | "high" | "critical";
            /** @description its status */
            status?: "open" | "closed";
            /**
             * Format: date-time
             * @description when it was opened
             */
            created_at?: string;
            /**
             * Format: date-time
             * @description when it last changed
             */
            updated_at?: string;
            /** @description when it was closed; null while open */
            closed_at?: string | null;
            /** @description the fields this change changed */
            changes?: string[];
        } & {
            [key: string]: unknown;
        };
        /**
         * @description An incident, as it was closed
         * @example {
         *       "id": "inc_4Fq2Yx",
         *       "title": "Checkout latency",
         *       "severity": "high",
         *       "status": "closed",
         *       "created_at": "2026-03-23T12:00:00.000Z",
         *       "updated_at": "2026-03-23T12:00:00.000Z",
         *       "closed_at": "2026-03-23T14:00:00.000Z"
         *     }
         */
        IncidentClosedData: {
            /** @description the incident (inc_…), as GraphQL mutations publish it */
            id?: string;
            /** @description the incident, when the publisher names it so */
            incident_id?: string;
            /** @description its title */
            title?: string;
            /** @description its severity */
            severity?: "low" | "medium" | "high" | "critical";
            /** @description its status */
            status?: "open" | "closed";
            /**
             * Format: date-time
             * @description when it was opened
             */
            created_at?: string;
            /**
             * Format: date-time
             * @description when it last changed
             */
            updated_at?: string;
            /** @description when it was closed; null while open */
            closed_at?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description A test send
         * @example {
         *       "webhook_id": "wh_123",
         *       "message": "This is a test delivery from Argus Integrations."
         *     }
         */
        WebhookTestData: {
            /** @description the webhook (wh_…) */
            webhook_id: string;
            /** @description a fixed text */
            message: string;
        };
        /**
         * @description A delivery used up its attempts and is failed
         * @example {
         *       "delivery_id": "dlv_123",
         *       "webhook_id": "wh_123",
         *       "event_id": "evt_123",
         *       "event_type": "incident.updated",
         *       "attempts": 8,
         *       "last_status": 503
         *     }
         */
        DeliveryExhaustedData: {
            /** @description the delivery (dlv_…) */
            delivery_id: string;
            /** @description the webhook (wh_…) */
            webhook_id: string;
            /** @description the event the delivery carried (evt_…): its webhook-id header */
            event_id: string;
            /** @description that event's type */
            event_type: string;
            /** @description attempts made */
            attempts: number;
            /** @description the last response status; null when no response came */
            last_status: number | null;
        };
        /**
         * @description A webhook was disabled
         * @example {
         *       "webhook_id": "wh_123",
         *       "reason": "gone"
         *     }
         */
        WebhookDisabledData: {
            /** @description the webhook (wh_…) */
            webhook_id: string;
            /** @description failing: its deliveries kept failing; gone: its endpoint answered 410 */
            reason: "failing" | "gone";
        };
        /**
         * @description A webhook entered the failing state
         * @example {
         *       "webhook_id": "wh_123",
         *       "failing_since": "2026-03-23T12:00:00.000Z",
         *       "consecutive_failures": 3
         *     }
         */
        WebhookFailingData: {
            /** @description the webhook (wh_…) */
            webhook_id: string;
            /**
             * Format: date-time
             * @description when its deliveries started failing
             */
            failing_since: string;
            /** @description failed attempts in a row */
            consecutive_failures: number;
        };
        /**
         * @description A failing webhook is active again
         * @example {
         *       "webhook_id": "wh_123"
         *     }
         */
        WebhookRecoveredData: {
            /** @description the webhook (wh_…) */
            webhook_id: string;
        };
        /**
         * @description A delivery held while its webhook was paused outlived DELIVERY_RETENTION_DAYS and was given up
         * @example {
         *       "delivery_id": "dlv_123",
         *       "webhook_id": "wh_123",
         *       "event_id": "evt_123",
         *       "event_type": "case.updated",
         *       "held_since": "2026-02-21T12:00:00.000Z"
         *     }
         */
        WebhookHeldExpiredData: {
            /** @description the delivery (dlv_…) */
            delivery_id: string;
            /** @description the webhook (wh_…) */
            webhook_id: string;
            /** @description the event the delivery carried (evt_…): its webhook-id header */
            event_id: string;
            /** @description that event's type */
            event_type: string;
            /**
             * Format: date-time
             * @description when it was first held
             */
            held_since: string;
        };
        Error: {
            /**
             * @description A stable, machine-readable code (OAuth style)
             * @example invalid_request
             */
            error: string;
            /** @description What went wrong, for people; validation errors name the field */
            error_description: string;
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: "ready" | "not_ready";
                        checks: {
                            /** @description ok, or unreachable: why */
                            database: string;
                            migrations?: "ok" | "pending";
                            /** @constant */
                            shutdown?: "draining";
                        };
                    };
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not ready: the database, the migrations or a shutdown in progress */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: "ready" | "not_ready";
                        checks: {
                            /** @description ok, or unreachable: why */
                            database: string;
                            migrations?: "ok" | "pending";
                            /** @constant */
                            shutdown?: "draining";
                        };
                    };
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Prometheus text exposition format (version 0.0.4) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service's public signing keys (RFC 7517) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: ({
                            kty: string;
                            kid: string;
                            use: string;
                            alg: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service's public signing keys (RFC 7517) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: ({
                            kty: string;
                            kid: string;
                            use: string;
                            alg: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listScopes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The published scopes the tenant approved, which its apps may request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the published scopes the tenant has approved: what its apps may request */
                        scopes: {
                            /** @example webhooks:write */
                            name: string;
                            description: string;
                        }[];
                    };
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listApps: {
        parameters: {
            query?: {
                limit?: string | number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of apps */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        apps: {
                            /** @example app_123 */
                            client_id: string;
                            name: string;
                            client_type: "confidential" | "public";
                            token_endpoint_auth_method: "client_secret_basic" | "client_secret_post" | "private_key_jwt" | "none";
                            /** @description private_key_jwt: the public keys that sign client assertions (when registered inline) */
                            jwks?: {
                                keys: ({
                                    /**
                                     * @example RSA
                                     * @example EC
                                     */
                                    kty: string;
                                    kid?: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                            };
                            /** @description private_key_jwt: where the public keys are fetched from */
                            jwks_uri?: string;
                            grant_types: ("authorization_code" | "client_credentials" | "refresh_token")[];
                            redirect_uris: string[];
                            requested_scopes: string[];
                            tenant_id: string;
                            governance: {
                                allow_service_tokens: boolean;
                                enforce_pkce: boolean;
                                allowed_redirect_uris: string[] | null;
                                max_token_lifetime_seconds: number | null;
                                disabled: boolean;
                                /** @description GraphQL operation bundles granted to the app */
                                graphql_bundles: string[];
                                /** @description authorization requests only through POST /v1/oauth/par (RFC 9126) */
                                require_pushed_authorization_requests: boolean;
                                /** @description tokens only DPoP-bound (RFC 9449), and used with a proof */
                                require_dpop: boolean;
                            };
                            /** @description an app with a client secret, when inspected one by one (GET /v1/platform/apps/{client_id}) */
                            client_secret_rotation?: {
                                /** @description overlapping: the previous secret still authenticates until previous_secret_expires_at */
                                state: "single" | "overlapping";
                                previous_secret_expires_at: string | null;
                            };
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example Case sync connector */
                    name: string;
                    /**
                     * @example [
                     *       "client_credentials"
                     *     ]
                     */
                    grant_types: ("authorization_code" | "client_credentials" | "refresh_token")[];
                    /** @example [] */
                    redirect_uris?: string[];
                    /**
                     * @example [
                     *       "webhooks:write"
                     *     ]
                     */
                    requested_scopes: string[];
                    /** @description public: no secret, PKCE required */
                    client_type?: "confidential" | "public";
                    /** @description client_secret_basic (default for confidential clients; client_secret_post is the same secret sent in the body), private_key_jwt (no secret: a signed assertion, keys in jwks or jwks_uri), none (public clients) */
                    token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post" | "private_key_jwt" | "none";
                    /** @description private_key_jwt: the public keys that sign client assertions */
                    jwks?: {
                        keys: {
                            [key: string]: unknown;
                        }[];
                    };
                    /** @description private_key_jwt: where the public keys are fetched from (https; checked as webhook targets are) */
                    jwks_uri?: string;
                };
            };
        };
        responses: {
            /** @description The app, with its client secret (shown this once) when it authenticates with one */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example app_123 */
                        client_id: string;
                        name: string;
                        client_type: "confidential" | "public";
                        token_endpoint_auth_method: "client_secret_basic" | "client_secret_post" | "private_key_jwt" | "none";
                        /** @description private_key_jwt: the public keys that sign client assertions (when registered inline) */
                        jwks?: {
                            keys: ({
                                /**
                                 * @example RSA
                                 * @example EC
                                 */
                                kty: string;
                                kid?: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                        /** @description private_key_jwt: where the public keys are fetched from */
                        jwks_uri?: string;
                        grant_types: ("authorization_code" | "client_credentials" | "refresh_token")[];
                        redirect_uris: string[];
                        requested_scopes: string[];
                        tenant_id: string;
                        governance: {
                            allow_service_tokens: boolean;
                            enforce_pkce: boolean;
                            allowed_redirect_uris: string[] | null;
                            max_token_lifetime_seconds: number | null;
                            disabled: boolean;
                            /** @description GraphQL operation bundles granted to the app */
                            graphql_bundles: string[];
                            /** @description authorization requests only through POST /v1/oauth/par (RFC 9126) */
                            require_pushed_authorization_requests: boolean;
                            /** @description tokens only DPoP-bound (RFC 9449), and used with a proof */
                            require_dpop: boolean;
                        };
                        /** @description an app with a client secret, when inspected one by one (GET /v1/platform/apps/{client_id}) */
                        client_secret_rotation?: {
                            /** @description overlapping: the previous secret still authenticates until previous_secret_expires_at */
                            state: "single" | "overlapping";
                            previous_secret_expires_at: string | null;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description cs_…: shown this once; only for client_secret_basic and client_secret_post apps (absent for private_key_jwt and public clients) */
                        client_secret?: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app, with the state of its client secret rotation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example app_123 */
                        client_id: string;
                        name: string;
                        client_type: "confidential" | "public";
                        token_endpoint_auth_method: "client_secret_basic" | "client_secret_post" | "private_key_jwt" | "none";
                        /** @description private_key_jwt: the public keys that sign client assertions (when registered inline) */
                        jwks?: {
                            keys: ({
                                /**
                                 * @example RSA
                                 * @example EC
                                 */
                                kty: string;
                                kid?: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                        /** @description private_key_jwt: where the public keys are fetched from */
                        jwks_uri?: string;
                        grant_types: ("authorization_code" | "client_credentials" | "refresh_token")[];
                        redirect_uris: string[];
                        requested_scopes: string[];
                        tenant_id: string;
                        governance: {
                            allow_service_tokens: boolean;
                            enforce_pkce: boolean;
                            allowed_redirect_uris: string[] | null;
                            max_token_lifetime_seconds: number | null;
                            disabled: boolean;
                            /** @description GraphQL operation bundles granted to the app */
                            graphql_bundles: string[];
                            /** @description authorization requests only through POST /v1/oauth/par (RFC 9126) */
                            require_pushed_authorization_requests: boolean;
                            /** @description tokens only DPoP-bound (RFC 9449), and used with a proof */
                            require_dpop: boolean;
                        };
                        /** @description an app with a client secret, when inspected one by one (GET /v1/platform/apps/{client_id}) */
                        client_secret_rotation?: {
                            /** @description overlapping: the previous secret still authenticates until previous_secret_expires_at */
                            state: "single" | "overlapping";
                            previous_secret_expires_at: string | null;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateAppGovernance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    allow_service_tokens?: boolean;
                    enforce_pkce?: boolean;
                    /** @description subset of redirect_uris; null allows all of them */
                    allowed_redirect_uris?: string[] | null;
                    max_token_lifetime_seconds?: number | null;
                    disabled?: boolean;
                    graphql_bundles?: string[];
                    /** @description authorization requests only through POST /v1/oauth/par (RFC 9126) */
                    require_pushed_authorization_requests?: boolean;
                    /** @description tokens only DPoP-bound (RFC 9449), and used with a proof */
                    require_dpop?: boolean;
                };
            };
        };
        responses: {
            /** @description The app's governance as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        client_id: string;
                        governance: {
                            allow_service_tokens: boolean;
                            enforce_pkce: boolean;
                            allowed_redirect_uris: string[] | null;
                            max_token_lifetime_seconds: number | null;
                            disabled: boolean;
                            /** @description GraphQL operation bundles granted to the app */
                            graphql_bundles: string[];
                            /** @description authorization requests only through POST /v1/oauth/par (RFC 9126) */
                            require_pushed_authorization_requests: boolean;
                            /** @description tokens only DPoP-bound (RFC 9449), and used with a proof */
                            require_dpop: boolean;
                        };
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replaceAppJwks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
            };
            cookie?: never;
        };
        /** @description exactly one of jwks and jwks_uri */
        requestBody: {
            content: {
                "application/json": {
                    jwks?: {
                        keys: {
                            [key: string]: unknown;
                        }[];
                    };
                    jwks_uri?: string;
                };
            };
        };
        responses: {
            /** @description The keys now registered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        client_id: string;
                        /** @description private_key_jwt: the public keys that sign client assertions (when registered inline) */
                        jwks?: {
                            keys: ({
                                /**
                                 * @example RSA
                                 * @example EC
                                 */
                                kty: string;
                                kid?: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                        /** @description private_key_jwt: where the public keys are fetched from */
                        jwks_uri?: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateAppSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description how long the old secret keeps working (default 86400, 0 retires it at once) */
                    grace_period_seconds?: number;
                };
            };
        };
        responses: {
            /** @description The new secret (shown this once) and the end of the old one's grace window */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        client_id: string;
                        /** @description cs_…: the new secret, shown this once */
                        client_secret: string;
                        previous_secret_expires_at: string | null;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                limit?: string | number;
                cursor?: string;
                target_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit events, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        audit_events: {
                            /** @example aud_123 */
                            id: string;
                            /** @description the subject of the token that made the change (for a portal session opened: its link, plk_…) */
                            actor: string;
                            action: "app.created" | "app.governance_updated" | "app.keys_replaced" | "app.secret_rotated" | "portal.link_minted" | "portal.session_opened";
                            /** @constant */
                            target_type: "app";
                            target_id: string;
                            /** @description what changed (never a secret) */
                            changes: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pushAuthorizationRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example code */
                    response_type?: string;
                    /** @example app_123 */
                    client_id?: string;
                    client_secret?: string;
                    client_assertion?: string;
                    client_assertion_type?: string;
                    /** @example https://integrator.example/callback */
                    redirect_uri?: string;
                    /** @example webhooks:write */
                    scope?: string;
                    state?: string;
                    code_challenge?: string;
                    /** @example S256 */
                    code_challenge_method?: string;
                    dpop_jkt?: string;
                    request?: string;
                    request_uri?: string;
                } & {
                    [key: string]: string;
                };
                "application/x-www-form-urlencoded": {
                    /** @example code */
                    response_type?: string;
                    /** @example app_123 */
                    client_id?: string;
                    client_secret?: string;
                    client_assertion?: string;
                    client_assertion_type?: string;
                    /** @example https://integrator.example/callback */
                    redirect_uri?: string;
                    /** @example webhooks:write */
                    scope?: string;
                    state?: string;
                    code_challenge?: string;
                    /** @example S256 */
                    code_challenge_method?: string;
                    dpop_jkt?: string;
                    request?: string;
                    request_uri?: string;
                } & {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description The request_uri of the pushed request */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description single use, for GET /v1/oauth/authorize?client_id=…&request_uri=…
                         * @example urn:ietf:params:oauth:request_uri:…
                         */
                        request_uri: string;
                        /**
                         * @description seconds the request_uri is valid
                         * @example 60
                         */
                        expires_in: number;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_client (with WWW-Authenticate when Basic was used) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited (with Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthorizationServerMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metadata */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uri */
                        issuer: string;
                        /** Format: uri */
                        authorization_endpoint: string;
                        /** Format: uri */
                        token_endpoint: string;
                        /** Format: uri */
                        pushed_authorization_request_endpoint: string;
                        /** Format: uri */
                        jwks_uri: string;
                        /** Format: uri */
                        revocation_endpoint: string;
                        /** Format: uri */
                        introspection_endpoint: string;
                        response_types_supported: string[];
                        response_modes_supported: string[];
                        grant_types_supported: string[];
                        code_challenge_methods_supported: string[];
                        token_endpoint_auth_methods_supported: string[];
                        token_endpoint_auth_signing_alg_values_supported: string[];
                        revocation_endpoint_auth_methods_supported: string[];
                        revocation_endpoint_auth_signing_alg_values_supported: string[];
                        introspection_endpoint_auth_methods_supported: string[];
                        introspection_endpoint_auth_signing_alg_values_supported: string[];
                        /** @description false for every client; an app's governance may still require it (require_pushed_authorization_requests) */
                        require_pushed_authorization_requests: boolean;
                        request_parameter_supported: boolean;
                        dpop_signing_alg_values_supported: string[];
                        authorization_response_iss_parameter_supported: boolean;
                        scopes_supported: string[];
                    };
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    token_type_hint?: string;
                    client_id?: string;
                    client_secret?: string;
                    client_assertion?: string;
                    client_assertion_type?: string;
                } & {
                    [key: string]: string;
                };
                "application/x-www-form-urlencoded": {
                    token: string;
                    token_type_hint?: string;
                    client_id?: string;
                    client_secret?: string;
                    client_assertion?: string;
                    client_assertion_type?: string;
                } & {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description Revoked, or nothing to revoke (unknown, invalid or another app's token) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_client (with WWW-Authenticate when Basic was used) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited (with Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    introspectToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    token_type_hint?: string;
                    client_id?: string;
                    client_secret?: string;
                    client_assertion?: string;
                    client_assertion_type?: string;
                } & {
                    [key: string]: string;
                };
                "application/x-www-form-urlencoded": {
                    token: string;
                    token_type_hint?: string;
                    client_id?: string;
                    client_secret?: string;
                    client_assertion?: string;
                    client_assertion_type?: string;
                } & {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description The token's claims when it is active and the calling app's own; otherwise just {"active": false} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        active: true;
                        /** @description DPoP when the token is bound to the key of the DPoP proof sent (RFC 9449), Bearer otherwise */
                        token_type: "Bearer" | "DPoP";
                        /**
                         * @description the granted scopes, space-separated
                         * @example webhooks:read webhooks:write
                         */
                        scope: string;
                        client_id: string;
                        /** @description usr_… for a user, the client_id for a client or service token */
                        sub: string;
                        /** @description expiry, seconds since the epoch */
                        exp: number;
                        /** @description issue time, seconds since the epoch */
                        iat: number;
                        iss: string;
                        aud: string;
                        jti: string;
                        tenant_id: string;
                        /** @description only for a DPoP-bound token: the key it is bound to (RFC 9449 §6.2) */
                        cnf?: {
                            /** @description SHA-256 JWK thumbprint of the DPoP key */
                            jkt: string;
                        };
                    } | {
                        /** @constant */
                        active: true;
                        /** @constant */
                        token_type: "refresh_token";
                        /**
                         * @description the granted scopes, space-separated
                         * @example webhooks:read webhooks:write
                         */
                        scope: string;
                        client_id: string;
                        /** @description the user the grant was made by (usr_…) */
                        sub: string;
                        /** @description expiry of the token's grant, seconds since the epoch */
                        exp: number;
                    } | {
                        /** @constant */
                        active: false;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_client (with WWW-Authenticate when Basic was used) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited (with Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example client_credentials */
                    grant_type?: string;
                    /** @example app_123 */
                    client_id?: string;
                    client_secret?: string;
                    /** @description private_key_jwt: the signed client assertion (RFC 7523) */
                    client_assertion?: string;
                    /** @example urn:ietf:params:oauth:client-assertion-type:jwt-bearer */
                    client_assertion_type?: string;
                    /** @example webhooks:write */
                    scope?: string;
                    code?: string;
                    redirect_uri?: string;
                    code_verifier?: string;
                    refresh_token?: string;
                } & {
                    [key: string]: string;
                };
                "application/x-www-form-urlencoded": {
                    /** @example client_credentials */
                    grant_type?: string;
                    /** @example app_123 */
                    client_id?: string;
                    client_secret?: string;
                    /** @description private_key_jwt: the signed client assertion (RFC 7523) */
                    client_assertion?: string;
                    /** @example urn:ietf:params:oauth:client-assertion-type:jwt-bearer */
                    client_assertion_type?: string;
                    /** @example webhooks:write */
                    scope?: string;
                    code?: string;
                    redirect_uri?: string;
                    code_verifier?: string;
                    refresh_token?: string;
                } & {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description The access token (RFC 6749 §5.1) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description a JWT (RFC 9068, typ at+jwt) */
                        access_token: string;
                        /** @description DPoP when the token is bound to the key of the DPoP proof sent (RFC 9449), Bearer otherwise */
                        token_type: "Bearer" | "DPoP";
                        /**
                         * @description seconds the access token is valid
                         * @example 3600
                         */
                        expires_in: number;
                        /**
                         * @description the granted scopes, space-separated
                         * @example webhooks:read webhooks:write
                         */
                        scope: string;
                        /** @description rt_…, only when the app holds the refresh_token grant and the grant is authorization_code or refresh_token; rotated on each use */
                        refresh_token?: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_client (with WWW-Authenticate when Basic was used) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited (with Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPlatformApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replacePlatformApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPlatformApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletePlatformApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updatePlatformApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPlatformApiResource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replacePlatformApiResource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPlatformApiResource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletePlatformApiResource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updatePlatformApiResource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSaml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replaceSaml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSaml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSaml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSaml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSamlResource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replaceSamlResource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSamlResource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSamlResource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSamlResource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description reviewed_access_required: this capability needs reviewed access (see request_access_url) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getIntegrationRequestForm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The form page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listIntegrationRequests: {
        parameters: {
            query?: {
                limit?: string | number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the tenant's integration requests */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        integration_requests: {
                            /** @example ir_123 */
                            id: string;
                            /** @example IR-AB12-CD34 */
                            reference: string;
                            /** @description null when the requester named no tenant */
                            tenant_id: string | null;
                            organisation: string;
                            contact_name: string;
                            contact_email: string;
                            use_case: string;
                            capabilities: string[];
                            /** @description received, then in_review, then approved or declined */
                            status: "received" | "in_review" | "approved" | "declined";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code; to a browser, a page saying so */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createIntegrationRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example Integrator Ltd */
                    organisation?: string;
                    contact_name?: string;
                    contact_email?: string;
                    use_case?: string;
                    capabilities?: string[] | string;
                    tenant_id?: string;
                };
                "application/x-www-form-urlencoded": {
                    /** @example Integrator Ltd */
                    organisation?: string;
                    contact_name?: string;
                    contact_email?: string;
                    use_case?: string;
                    capabilities?: string[] | string;
                    tenant_id?: string;
                };
            };
        };
        responses: {
            /** @description The request, received (an HTML acknowledgement to a browser form) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ir_123 */
                        id: string;
                        /**
                         * @description quote it in any follow-up
                         * @example IR-AB12-CD34
                         */
                        reference: string;
                        /** @constant */
                        status: "received";
                        /** @example within 2–3 business days */
                        expected_response: string;
                        /** @description the acknowledgement, for people */
                        message: string;
                    };
                    "text/html": string;
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code; to a browser, a page saying so */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited (with Retry-After); to a browser, a page saying so */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateIntegrationRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    status: "received" | "in_review" | "approved" | "declined";
                };
            };
        };
        responses: {
            /** @description The request as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ir_123 */
                        id: string;
                        /** @example IR-AB12-CD34 */
                        reference: string;
                        /** @description null when the requester named no tenant */
                        tenant_id: string | null;
                        organisation: string;
                        contact_name: string;
                        contact_email: string;
                        use_case: string;
                        capabilities: string[];
                        /** @description received, then in_review, then approved or declined */
                        status: "received" | "in_review" | "approved" | "declined";
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStudio: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStudioModule: {
        parameters: {
            query?: {
                v?: string;
            };
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The script */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStudioZoomScript: {
        parameters: {
            query?: {
                v?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The script */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStudioSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant, the administrator and the CSRF token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tenant_id: string;
                        tenant_name: string | null;
                        subject: string;
                        /** @description an admin token (Bearer) or the studio sign-in cookie */
                        via: "token" | "session";
                        /** Format: date-time */
                        expires_at: string;
                        csrf_token: string | null;
                    };
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createStudioSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    tenant: string;
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Signed in: the session cookie is set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tenant_id: string;
                        tenant_name: string;
                        /** @description the administrator's user id */
                        subject: string;
                        /**
                         * Format: date-time
                         * @description when the session (its cookie) ends
                         */
                        expires_at: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_credentials: the tenant, email or password is not right */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description invalid_origin: a studio change not made from the studio page (Origin); insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited (with Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteStudioSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMachines: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Each machine with its states and named parts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        machines: {
                            /** @example delivery */
                            name: string;
                            /** @description every state, as a dotted path */
                            states: string[];
                            /** @description its named delays */
                            delays: string[];
                            guards: string[];
                            actions: string[];
                            retry_schedule: {
                                /** @description the named delay that waits between attempts */
                                delay: string;
                                /** @description the delay before each attempt; the first is element 0 */
                                attempts_ms: number[];
                                jitter_ratio: number | null;
                            } | null;
                        }[];
                    };
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMachine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The definition */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        key: string;
                        type: "atomic" | "compound" | "parallel" | "final" | "history";
                        /** @description its initial transition */
                        initial: {
                            [key: string]: unknown;
                        };
                        history: false | "shallow" | "deep";
                        /** @description its child state nodes by key, each of this same shape */
                        states: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        /** @description its transitions by event type */
                        on: {
                            [key: string]: {
                                [key: string]: unknown;
                            }[];
                        };
                        transitions: {
                            [key: string]: unknown;
                        }[];
                        entry: unknown[];
                        exit: unknown[];
                        order: number;
                        invoke: unknown[];
                        tags: string[];
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMachineDiagram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The drawing */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMachineJournal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Its transitions, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description oldest first */
                        transitions: {
                            /** @description its place in the journal (a stream resumes after it: Last-Event-ID) */
                            seq: number;
                            /** @example delivery */
                            machine: string;
                            instance_id: string;
                            from: string | null;
                            /** @description the event that moved it (a timer: xstate.after…) */
                            event: string;
                            /** @description the state it entered */
                            to: string;
                            /** Format: date-time */
                            at: string;
                        }[];
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    streamMachineInstance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events: ready ({"seq"}), then a transition (a journal entry, id its seq) for each; error before it ends */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFavicon: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The icon (SVG) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listStudioWebhooks: {
        parameters: {
            query?: {
                limit?: string | number;
                cursor?: string;
                status?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of webhooks, their URLs as the page shows them */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhooks: {
                            /** @example wh_123 */
                            id: string;
                            url: string;
                            events: string[];
                            status: "active" | "failing" | "paused" | "disabled";
                            app_id: string | null;
                            ordering: "none" | "fifo";
                            rate_limit: {
                                per_second: number;
                            } | null;
                            disabled_reason: ("failing" | "gone") | null;
                            secret_rotation: {
                                /**
                                 * Format: date-time
                                 * @description when the previous secret stops signing
                                 */
                                previous_secret_expires_at: string;
                            } | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code; invalid_request: the request is missing or has a malformed field (named in the description); 401 when the Authorization header is missing or malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStudioWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook, its state and transitions, its deliveries by status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook: {
                            /** @example wh_123 */
                            id: string;
                            url: string;
                            events: string[];
                            status: "active" | "failing" | "paused" | "disabled";
                            app_id: string | null;
                            ordering: "none" | "fifo";
                            rate_limit: {
                                per_second: number;
                            } | null;
                            disabled_reason: ("failing" | "gone") | null;
                            secret_rotation: {
                                /**
                                 * Format: date-time
                                 * @description when the previous secret stops signing
                                 */
                                previous_secret_expires_at: string;
                            } | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                        state: string | null;
                        /** @description its latest transitions (at most 50), oldest first */
                        transitions: {
                            /** @description its place in the journal (a stream resumes after it: Last-Event-ID) */
                            seq: number;
                            /** @example delivery */
                            machine: string;
                            instance_id: string;
                            from: string | null;
                            /** @description the event that moved it (a timer: xstate.after…) */
                            event: string;
                            /** @description the state it entered */
                            to: string;
                            /** Format: date-time */
                            at: string;
                        }[];
                        deliveries_by_status: {
                            queued: number;
                            sending: number;
                            retrying: number;
                            held: number;
                            skipped: number;
                            succeeded: number;
                            failed: number;
                        };
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStudioDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery with its attempts, its state and its path */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivery: {
                            /** @example dlv_123 */
                            id: string;
                            /** @example evt_123 */
                            event_id: string;
                            /** @example incident.updated */
                            event_type: string;
                            status: "queued" | "sending" | "retrying" | "held" | "skipped" | "succeeded" | "failed";
                            /** @description attempts made so far */
                            attempt: number;
                            attempted_at: string | null;
                            response_status: number | null;
                            duration_ms: number | null;
                            error: string | null;
                            next_attempt_at: string | null;
                            next_attempt_reason: ("schedule" | "retry_after" | "lease_expired") | null;
                            held_expires_at: string | null;
                            failure_reason: ("exhausted" | "gone" | "client_error" | "cancelled" | "held_expired") | null;
                            waiting_for: ("previous_delivery" | "endpoint_slot" | "next_attempt" | "webhook_resume") | null;
                            /** Format: date-time */
                            created_at: string;
                            attempts: {
                                attempt: number;
                                /** Format: date-time */
                                attempted_at: string;
                                duration_ms: number;
                                response_status: number | null;
                                response_body: string | null;
                                error: string | null;
                                /** @description the headers sent, webhook-signature redacted; empty when nothing was sent */
                                request_headers: {
                                    [key: string]: string;
                                };
                            }[];
                        };
                        state: string | null;
                        /** @description its transitions, oldest first (at most 500) */
                        path: {
                            /** @description its place in the journal (a stream resumes after it: Last-Event-ID) */
                            seq: number;
                            /** @example delivery */
                            machine: string;
                            instance_id: string;
                            from: string | null;
                            /** @description the event that moved it (a timer: xstate.after…) */
                            event: string;
                            /** @description the state it entered */
                            to: string;
                            /** Format: date-time */
                            at: string;
                        }[];
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    streamStudioWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events: ready ({"seq"}), then a transition (a journal entry, id its seq) for each; error before it ends */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listStudioAuthorizationSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest sessions with their latest transitions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the latest sessions (at most 50), newest first */
                        authorization_sessions: {
                            /** @description the start of the session's id (its id is also a browser cookie) */
                            ref: string;
                            client_id: string;
                            app_name: string | null;
                            /** @description the authorization session machine's state */
                            state: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description its latest transitions (at most 20), oldest first */
                            path: {
                                seq: number;
                                from: string | null;
                                event: string;
                                to: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    retryStudioDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again (held while the webhook is paused) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivery_id: string;
                        /** @description held while the webhook is paused (sent when it is resumed) */
                        status: "queued" | "held";
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description webhook_disabled: the webhook is disabled; enable it with PUT {"enabled": true} first; not_failed: only failed or skipped deliveries can be retried */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recoverStudioWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    since: string;
                };
            };
        };
        responses: {
            /** @description How many deliveries were queued again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description how many deliveries were queued again */
                        requeued: number;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description webhook_disabled: the webhook is disabled; enable it with PUT {"enabled": true} first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    previewStudioRetry: {
        parameters: {
            query?: {
                status?: "failed" | "skipped";
                event_type?: string;
                response_status?: string;
                since?: string;
                until?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many match, and when the oldest and newest were created */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description how many a retry now would send again (at most 10,000: FIXED.resendBatchMax) */
                        matched: number;
                        /** @description more match than one retry sends: another retry sends the next ones */
                        more: boolean;
                        oldest_created_at: string | null;
                        newest_created_at: string | null;
                        /** @description the webhook now: paused sends them when resumed, disabled refuses */
                        webhook_status: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    retryStudioDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    status?: "failed" | "skipped";
                    event_type?: string;
                    /**
                     * @description the last answer: a status (500), a class (5xx), or none (no answer: a connection error or a timeout)
                     * @example 500
                     * @example 5xx
                     * @example none
                     */
                    response_status?: string;
                    /** @description created at or after (ISO 8601) */
                    since?: string;
                    /** @description created before (ISO 8601) */
                    until?: string;
                };
            };
        };
        responses: {
            /** @description How many matched and were queued again (held while the webhook is paused) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description how many matched (at most 10,000) */
                        matched: number;
                        /** @description how many were queued again (held while the webhook is paused) */
                        requeued: number;
                        /** @description more matched than one retry sends: retry again for the next ones */
                        more: boolean;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description webhook_disabled: the webhook is disabled; enable it with PUT {"enabled": true} first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    previewStudioReplay: {
        parameters: {
            query?: {
                status?: "queued" | "sending" | "retrying" | "held" | "skipped" | "succeeded" | "failed";
                event_type?: string;
                response_status?: string;
                since?: string;
                until?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many events match, and when the oldest and newest were published */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description events of the matching deliveries, each once (at most 10,000: FIXED.resendBatchMax) */
                        matched: number;
                        /** @description more events match than one replay sends (the oldest 10,000): narrow the time range to replay the others */
                        more: boolean;
                        /** @description of them, events of a type the webhook no longer receives, or of the service's own types: left out */
                        not_replayable: number;
                        oldest_created_at: string | null;
                        newest_created_at: string | null;
                        /** @description the webhook now: paused holds the new deliveries, disabled refuses */
                        webhook_status: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayStudioDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    status?: "queued" | "sending" | "retrying" | "held" | "skipped" | "succeeded" | "failed";
                    event_type?: string;
                    /**
                     * @description the last answer: a status (500), a class (5xx), or none (no answer: a connection error or a timeout)
                     * @example 500
                     * @example 5xx
                     * @example none
                     */
                    response_status?: string;
                    /** @description created at or after (ISO 8601) */
                    since?: string;
                    /** @description created before (ISO 8601) */
                    until?: string;
                };
            };
        };
        responses: {
            /** @description How many events matched and how many fresh deliveries were written */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description events of the matching deliveries, each once (at most 10,000) */
                        matched: number;
                        /** @description fresh deliveries written, one per event replayed (held while the webhook is paused) */
                        replayed: number;
                        /** @description events left out: a type the webhook no longer receives, or the service's own */
                        not_replayable: number;
                        /** @description events retired by retention between the count and the replay */
                        gone: number;
                        /** @description more events matched than one replay sends: narrow the time range to replay the others */
                        more: boolean;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description webhook_disabled: the webhook is disabled; enable it with PUT {"enabled": true} first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pauseStudioWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook, paused */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example wh_123 */
                        id: string;
                        url: string;
                        events: string[];
                        status: "active" | "failing" | "paused" | "disabled";
                        app_id: string | null;
                        ordering: "none" | "fifo";
                        rate_limit: {
                            per_second: number;
                        } | null;
                        disabled_reason: ("failing" | "gone") | null;
                        secret_rotation: {
                            /**
                             * Format: date-time
                             * @description when the previous secret stops signing
                             */
                            previous_secret_expires_at: string;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resumeStudioWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook, resumed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example wh_123 */
                        id: string;
                        url: string;
                        events: string[];
                        status: "active" | "failing" | "paused" | "disabled";
                        app_id: string | null;
                        ordering: "none" | "fifo";
                        rate_limit: {
                            per_second: number;
                        } | null;
                        disabled_reason: ("failing" | "gone") | null;
                        secret_rotation: {
                            /**
                             * Format: date-time
                             * @description when the previous secret stops signing
                             */
                            previous_secret_expires_at: string;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    enableStudioWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook, enabled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example wh_123 */
                        id: string;
                        url: string;
                        events: string[];
                        status: "active" | "failing" | "paused" | "disabled";
                        app_id: string | null;
                        ordering: "none" | "fifo";
                        rate_limit: {
                            per_second: number;
                        } | null;
                        disabled_reason: ("failing" | "gone") | null;
                        secret_rotation: {
                            /**
                             * Format: date-time
                             * @description when the previous secret stops signing
                             */
                            previous_secret_expires_at: string;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    testStudioWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The test delivery, queued (held while the webhook is paused) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivery_id: string;
                        /** @description held while the webhook is paused (sent when it is resumed) */
                        status: "queued" | "held";
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description webhook_disabled: the webhook is disabled; enable it with PUT {"enabled": true} first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    searchStudio: {
        parameters: {
            query: {
                q: string;
                since?: string;
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the id names (a delivery with its webhook, or an event), the events whose data holds the value, or the webhooks matched */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        kind: "delivery";
                        delivery_id: string;
                        webhook_id: string;
                    } | {
                        /** @constant */
                        kind: "event";
                        event_id: string;
                    } | {
                        /** @constant */
                        kind: "webhooks";
                        /** @description up to 20, newest first, whose URL as the studio shows it holds the text */
                        webhooks: {
                            id: string;
                            url: string;
                            status: string;
                        }[];
                    } | {
                        /** @constant */
                        kind: "events";
                        field: string | null;
                        value: string;
                        /**
                         * Format: date-time
                         * @description the range searched, from
                         */
                        since: string;
                        /**
                         * Format: date-time
                         * @description the range searched, to (exclusive; when not given, now, and what is published while it runs)
                         */
                        until: string;
                        /** @description up to 20, newest first, whose data holds the value (as text, or as the number it spells) */
                        events: {
                            id: string;
                            type: string;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        /** @description how many events of the range were read (at most 100,000, the newest) */
                        searched: number;
                        /** @description false when the range held more events than were read: narrow it */
                        complete: boolean;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listStudioDeliveries: {
        parameters: {
            query?: {
                limit?: string | number;
                cursor?: string;
                status?: "queued" | "sending" | "retrying" | "held" | "skipped" | "succeeded" | "failed";
                event_type?: string;
                response_status?: string;
                since?: string;
                until?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: {
                            /** @example dlv_123 */
                            id: string;
                            /** @example evt_123 */
                            event_id: string;
                            /** @example incident.updated */
                            event_type: string;
                            status: "queued" | "sending" | "retrying" | "held" | "skipped" | "succeeded" | "failed";
                            /** @description attempts made so far */
                            attempt: number;
                            attempted_at: string | null;
                            response_status: number | null;
                            duration_ms: number | null;
                            error: string | null;
                            next_attempt_at: string | null;
                            next_attempt_reason: ("schedule" | "retry_after" | "lease_expired") | null;
                            held_expires_at: string | null;
                            failure_reason: ("exhausted" | "gone" | "client_error" | "cancelled" | "held_expired") | null;
                            waiting_for: ("previous_delivery" | "endpoint_slot" | "next_attempt" | "webhook_resume") | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listStudioEvents: {
        parameters: {
            query?: {
                limit?: string | number;
                cursor?: string;
                type?: string;
                since?: string;
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events, and every event type */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            /** @example evt_123 */
                            id: string;
                            /** @example incident.updated */
                            type: string;
                            /** @description as published; its schema is its type's (GET /v1/events/types) */
                            data: {
                                [key: string]: unknown;
                            };
                            /** @description deliveries the publish created (replays add more; see GET /v1/events/{event_id}) */
                            deliveries: number;
                            /**
                             * Format: date-time
                             * @description when it was published: the timestamp of its payload
                             */
                            created_at: string;
                        }[];
                        next_cursor: string | null;
                        /** @description every event type of the catalog */
                        types: string[];
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStudioEvent: {
        parameters: {
            query?: {
                limit?: string | number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event and a page of its deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        event: {
                            /** @example evt_123 */
                            id: string;
                            /** @example incident.updated */
                            type: string;
                            /** @description as published; its schema is its type's (GET /v1/events/types) */
                            data: {
                                [key: string]: unknown;
                            };
                            /** @description deliveries the publish created (replays add more; see GET /v1/events/{event_id}) */
                            deliveries: number;
                            /**
                             * Format: date-time
                             * @description when it was published: the timestamp of its payload
                             */
                            created_at: string;
                        };
                        deliveries: {
                            /** @example dlv_123 */
                            id: string;
                            /** @example evt_123 */
                            event_id: string;
                            /** @example incident.updated */
                            event_type: string;
                            status: "queued" | "sending" | "retrying" | "held" | "skipped" | "succeeded" | "failed";
                            /** @description attempts made so far */
                            attempt: number;
                            attempted_at: string | null;
                            response_status: number | null;
                            duration_ms: number | null;
                            error: string | null;
                            next_attempt_at: string | null;
                            next_attempt_reason: ("schedule" | "retry_after" | "lease_expired") | null;
                            held_expires_at: string | null;
                            failure_reason: ("exhausted" | "gone" | "client_error" | "cancelled" | "held_expired") | null;
                            waiting_for: ("previous_delivery" | "endpoint_slot" | "next_attempt" | "webhook_resume") | null;
                            /** Format: date-time */
                            created_at: string;
                            /** @example wh_123 */
                            webhook_id: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStudioDeliveryWhy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pending timers of the delivery and of its webhook, and the body */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        now: string;
                        delivery: {
                            kind: "send_timeout" | "lease_expiry" | "next_attempt" | "previous_delivery" | "endpoint_slot" | "rate_limit" | "claim" | "hold_expiry" | "skipped" | "auto_disable" | "secret_grace";
                            at: string | null;
                            does: string;
                        }[];
                        webhook: {
                            kind: "send_timeout" | "lease_expiry" | "next_attempt" | "previous_delivery" | "endpoint_slot" | "rate_limit" | "claim" | "hold_expiry" | "skipped" | "auto_disable" | "secret_grace";
                            at: string | null;
                            does: string;
                        }[];
                        payload: string | null;
                        headers_note: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStudioWebhookWhy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook's pending timers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        now: string;
                        webhook: {
                            kind: "send_timeout" | "lease_expiry" | "next_attempt" | "previous_delivery" | "endpoint_slot" | "rate_limit" | "claim" | "hold_expiry" | "skipped" | "auto_disable" | "secret_grace";
                            at: string | null;
                            does: string;
                        }[];
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStudioHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The window, each webhook with attempts in it, and each with a queue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        since: string;
                        /** Format: date-time */
                        until: string;
                        /** @description the length of each bucket */
                        bucket_ms: number;
                        /** @description by webhook id: only webhooks with an attempt in the window */
                        webhooks: {
                            [key: string]: {
                                attempts: number;
                                success_rate: number | null;
                                p50_ms: number | null;
                                p95_ms: number | null;
                                /** @description attempts per bucket, oldest first */
                                buckets: {
                                    attempts: number;
                                    succeeded: number;
                                }[];
                            };
                        };
                        /** @description each queue count stops here: a count equal to it means at least that many */
                        count_cap: number;
                        /** @description by webhook id: only webhooks with deliveries not yet settled */
                        queues: {
                            [key: string]: {
                                /** @description queued and due: waiting for a claim, a free slot or a rate-limit token */
                                due: number;
                                oldest_due_at: string | null;
                                /** @description queued behind the head of an ordered webhook's line */
                                in_line: number;
                                /** @description being sent now */
                                in_flight: number;
                                /** @description waiting for their next attempt */
                                retrying: number;
                                next_retry_at: string | null;
                                /** @description held while the webhook is paused */
                                held: number;
                            };
                        };
                    };
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                limit?: string | number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of webhooks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhooks: {
                            /** @example wh_123 */
                            id: string;
                            url: string;
                            events: string[];
                            status: "active" | "failing" | "paused" | "disabled";
                            app_id: string | null;
                            ordering: "none" | "fifo";
                            rate_limit: {
                                per_second: number;
                            } | null;
                            disabled_reason: ("failing" | "gone") | null;
                            secret_rotation: {
                                /**
                                 * Format: date-time
                                 * @description when the previous secret stops signing
                                 */
                                previous_secret_expires_at: string;
                            } | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example https://integrator.example/webhooks/argus */
                    url: string;
                    /**
                     * @example [
                     *       "incident.updated"
                     *     ]
                     */
                    events: string[];
                    /** @description whsec_… (Standard Webhooks); generated and shown once when omitted */
                    secret?: string;
                    /** @description fifo: one delivery at a time, in the order the publishes committed; the next waits until the previous succeeded or failed for good (default none) */
                    ordering?: "none" | "fifo";
                    /** @description at most this many requests per second to the endpoint, across every worker; null removes the limit */
                    rate_limit?: {
                        per_second: number;
                    } | null;
                    /**
                     * @description the app it belongs to: an app's token may name only its own (the default for it); a tenant administrator names any app of the tenant, or null for the tenant's own (the default for an administrator)
                     * @example app_123
                     */
                    app_id?: string | null;
                };
            };
        };
        responses: {
            /** @description The webhook, with its signing secret (shown this once) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example wh_123 */
                        id: string;
                        url: string;
                        events: string[];
                        status: "active" | "failing" | "paused" | "disabled";
                        app_id: string | null;
                        ordering: "none" | "fifo";
                        rate_limit: {
                            per_second: number;
                        } | null;
                        disabled_reason: ("failing" | "gone") | null;
                        secret_rotation: {
                            /**
                             * Format: date-time
                             * @description when the previous secret stops signing
                             */
                            previous_secret_expires_at: string;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description whsec_…: the generated signing secret, shown this once (absent when you gave one) */
                        secret?: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description webhook_limit_reached: the tenant has MAX_WEBHOOKS_PER_TENANT webhooks */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example wh_123 */
                        id: string;
                        url: string;
                        events: string[];
                        status: "active" | "failing" | "paused" | "disabled";
                        app_id: string | null;
                        ordering: "none" | "fifo";
                        rate_limit: {
                            per_second: number;
                        } | null;
                        disabled_reason: ("failing" | "gone") | null;
                        secret_rotation: {
                            /**
                             * Format: date-time
                             * @description when the previous secret stops signing
                             */
                            previous_secret_expires_at: string;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example https://integrator.example/webhooks/argus */
                    url?: string;
                    /**
                     * @example [
                     *       "incident.updated"
                     *     ]
                     */
                    events?: string[];
                    /** @description whsec_… (Standard Webhooks); generated and shown once when omitted */
                    secret?: string;
                    /** @description how long the old secret still signs (default SECRET_GRACE_SECONDS, 24 h unless configured) */
                    secret_grace_period_seconds?: number;
                    /** @description true pauses deliveries, false resumes them */
                    paused?: boolean;
                    /**
                     * @description re-enables a disabled webhook
                     * @constant
                     */
                    enabled?: true;
                    /** @description fifo: one delivery at a time, in the order the publishes committed; the next waits until the previous succeeded or failed for good (default none) */
                    ordering?: "none" | "fifo";
                    /** @description at most this many requests per second to the endpoint, across every worker; null removes the limit */
                    rate_limit?: {
                        per_second: number;
                    } | null;
                    /**
                     * @description the app it belongs to: an app's token may name only its own (the default for it); a tenant administrator names any app of the tenant, or null for the tenant's own (the default for an administrator)
                     * @example app_123
                     */
                    app_id?: string | null;
                };
            };
        };
        responses: {
            /** @description The webhook as changed (a secret sent is never shown back) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example wh_123 */
                        id: string;
                        url: string;
                        events: string[];
                        status: "active" | "failing" | "paused" | "disabled";
                        app_id: string | null;
                        ordering: "none" | "fifo";
                        rate_limit: {
                            per_second: number;
                        } | null;
                        disabled_reason: ("failing" | "gone") | null;
                        secret_rotation: {
                            /**
                             * Format: date-time
                             * @description when the previous secret stops signing
                             */
                            previous_secret_expires_at: string;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                limit?: string | number;
                cursor?: string;
                status?: "queued" | "sending" | "retrying" | "held" | "skipped" | "succeeded" | "failed";
                event_id?: string;
            };
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: {
                            /** @example dlv_123 */
                            id: string;
                            /** @example evt_123 */
                            event_id: string;
                            /** @example incident.updated */
                            event_type: string;
                            status: "queued" | "sending" | "retrying" | "held" | "skipped" | "succeeded" | "failed";
                            /** @description attempts made so far */
                            attempt: number;
                            attempted_at: string | null;
                            response_status: number | null;
                            duration_ms: number | null;
                            error: string | null;
                            next_attempt_at: string | null;
                            next_attempt_reason: ("schedule" | "retry_after" | "lease_expired") | null;
                            held_expires_at: string | null;
                            failure_reason: ("exhausted" | "gone" | "client_error" | "cancelled" | "held_expired") | null;
                            waiting_for: ("previous_delivery" | "endpoint_slot" | "next_attempt" | "webhook_resume") | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery and its attempts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example dlv_123 */
                        id: string;
                        /** @example evt_123 */
                        event_id: string;
                        /** @example incident.updated */
                        event_type: string;
                        status: "queued" | "sending" | "retrying" | "held" | "skipped" | "succeeded" | "failed";
                        /** @description attempts made so far */
                        attempt: number;
                        attempted_at: string | null;
                        response_status: number | null;
                        duration_ms: number | null;
                        error: string | null;
                        next_attempt_at: string | null;
                        next_attempt_reason: ("schedule" | "retry_after" | "lease_expired") | null;
                        held_expires_at: string | null;
                        failure_reason: ("exhausted" | "gone" | "client_error" | "cancelled" | "held_expired") | null;
                        waiting_for: ("previous_delivery" | "endpoint_slot" | "next_attempt" | "webhook_resume") | null;
                        /** Format: date-time */
                        created_at: string;
                        attempts: {
                            attempt: number;
                            /** Format: date-time */
                            attempted_at: string;
                            duration_ms: number;
                            response_status: number | null;
                            response_body: string | null;
                            error: string | null;
                            /** @description the headers sent, webhook-signature redacted; empty when nothing was sent */
                            request_headers: {
                                [key: string]: string;
                            };
                        }[];
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    retryDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again: the delivery, to be sent now */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivery_id: string;
                        /** @description held while the webhook is paused (sent when it is resumed) */
                        status: "queued" | "held";
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description webhook_disabled: the webhook is disabled; enable it with PUT {"enabled": true} first; not_failed: only failed or skipped deliveries can be retried */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recoverWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example 2026-03-23T12:00:00Z */
                    since: string;
                };
            };
        };
        responses: {
            /** @description How many deliveries were queued again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description how many deliveries were queued again */
                        requeued: number;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description webhook_disabled: the webhook is disabled; enable it with PUT {"enabled": true} first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The test delivery, queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivery_id: string;
                        /** @description held while the webhook is paused (sent when it is resumed) */
                        status: "queued" | "held";
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description webhook_disabled: the webhook is disabled; enable it with PUT {"enabled": true} first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEventTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every event type */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        event_types: {
                            /** @example incident.updated */
                            type: string;
                            description: string;
                            /** @description false for the types only this service publishes (operational events, test sends) */
                            publishable: boolean;
                            /** @description the JSON Schema of its data; POST /v1/events checks data against it */
                            schema: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                limit?: string | number;
                cursor?: string;
                type?: string;
                since?: string;
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            /** @example evt_123 */
                            id: string;
                            /** @example incident.updated */
                            type: string;
                            /** @description as published; its schema is its type's (GET /v1/events/types) */
                            data: {
                                [key: string]: unknown;
                            };
                            /** @description deliveries the publish created (replays add more; see GET /v1/events/{event_id}) */
                            deliveries: number;
                            /**
                             * Format: date-time
                             * @description when it was published: the timestamp of its payload
                             */
                            created_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    publishEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example incident.updated */
                    type: string;
                    /** @description checked against the type's schema (GET /v1/events/types): a 400 names the field */
                    data: {
                        [key: string]: unknown;
                    };
                } & ({
                    /** @constant */
                    type: "case.created";
                    data: components["schemas"]["CaseCreatedData"];
                } | {
                    /** @constant */
                    type: "case.updated";
                    data: components["schemas"]["CaseUpdatedData"];
                } | {
                    /** @constant */
                    type: "incident.created";
                    data: components["schemas"]["IncidentCreatedData"];
                } | {
                    /** @constant */
                    type: "incident.updated";
                    data: components["schemas"]["IncidentUpdatedData"];
                } | {
                    /** @constant */
                    type: "incident.closed";
                    data: components["schemas"]["IncidentClosedData"];
                });
            };
        };
        responses: {
            /** @description The same request again under its Idempotency-Key: the first event, Idempotent-Replayed: true */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example evt_123 */
                        id: string;
                        /** @example case.updated */
                        type: string;
                        /** @description deliveries the publish created, one per webhook that receives its type */
                        deliveries: number;
                        /**
                         * Format: date-time
                         * @description when it was published: the timestamp of its payload
                         */
                        created_at: string;
                    };
                };
            };
            /** @description Published */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example evt_123 */
                        id: string;
                        /** @example case.updated */
                        type: string;
                        /** @description deliveries the publish created, one per webhook that receives its type */
                        deliveries: number;
                        /**
                         * Format: date-time
                         * @description when it was published: the timestamp of its payload
                         */
                        created_at: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description idempotency_key_reused: the Idempotency-Key was used in the last 24 hours for another request; conflict: the resource is not in a state that allows the change */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEvent: {
        parameters: {
            query?: {
                limit?: string | number;
                cursor?: string;
            };
            header?: never;
            path: {
                event_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event and a page of its deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        event: {
                            /** @example evt_123 */
                            id: string;
                            /** @example incident.updated */
                            type: string;
                            /** @description as published; its schema is its type's (GET /v1/events/types) */
                            data: {
                                [key: string]: unknown;
                            };
                            /** @description deliveries the publish created (replays add more; see GET /v1/events/{event_id}) */
                            deliveries: number;
                            /**
                             * Format: date-time
                             * @description when it was published: the timestamp of its payload
                             */
                            created_at: string;
                        };
                        /** @description every delivery of the event across the tenant's webhooks, replays included, a page at a time */
                        deliveries: {
                            /** @example dlv_123 */
                            id: string;
                            /** @example evt_123 */
                            event_id: string;
                            /** @example incident.updated */
                            event_type: string;
                            status: "queued" | "sending" | "retrying" | "held" | "skipped" | "succeeded" | "failed";
                            /** @description attempts made so far */
                            attempt: number;
                            attempted_at: string | null;
                            response_status: number | null;
                            duration_ms: number | null;
                            error: string | null;
                            next_attempt_at: string | null;
                            next_attempt_reason: ("schedule" | "retry_after" | "lease_expired") | null;
                            held_expires_at: string | null;
                            failure_reason: ("exhausted" | "gone" | "client_error" | "cancelled" | "held_expired") | null;
                            waiting_for: ("previous_delivery" | "endpoint_slot" | "next_attempt" | "webhook_resume") | null;
                            /** Format: date-time */
                            created_at: string;
                            /** @example wh_123 */
                            webhook_id: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                event_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description only to this webhook (it must receive the event's type)
                     * @example wh_123
                     */
                    webhook_id?: string;
                };
            };
        };
        responses: {
            /** @description The fresh deliveries */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        event_id: string;
                        deliveries: {
                            id: string;
                            webhook_id: string;
                            /** @description queued; held while its webhook is paused, skipped while it is disabled */
                            status: "queued" | "held" | "skipped";
                        }[];
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_replayable: operational events and test sends are not replayed; not_subscribed: the webhook does not receive the event's type; webhook_disabled: the webhook is disabled; enable it with PUT {"enabled": true} first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createServiceToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @example [
                     *       "webhooks:write"
                     *     ]
                     */
                    scopes: string[];
                    /** @description lifetime in seconds (default 30 days) */
                    expires_in?: number;
                };
            };
        };
        responses: {
            /** @description The token (shown this once), its token_id, scope and expiry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the bearer token (a JWT): shown this once, never listed */
                        token: string;
                        /**
                         * @description its id, to revoke it
                         * @example tok_123
                         */
                        token_id: string;
                        /**
                         * @description the scopes granted, space-separated
                         * @example webhooks:read webhooks:write
                         */
                        scope: string;
                        /** Format: date-time */
                        expires_at: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs; service_tokens_not_allowed: the app's governance does not allow service tokens; app_disabled: the app is disabled by its governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listServiceTokens: {
        parameters: {
            query?: {
                limit?: string | number;
                cursor?: string;
            };
            header?: never;
            path: {
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the app's service tokens, revoked ones included */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        service_tokens: {
                            /** @example tok_123 */
                            id: string;
                            scopes: string[];
                            /** @description the subject of the administrator who minted it */
                            created_by: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            expires_at: string;
                            revoked_at: string | null;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeServiceToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
                token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    authorize: {
        parameters: {
            query?: {
                response_type?: string;
                client_id?: string;
                redirect_uri?: string;
                scope?: string;
                state?: string;
                code_challenge?: string;
                code_challenge_method?: string;
                request_uri?: string;
                dpop_jkt?: string;
                request?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sign-in page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Redirect to the registered redirect URI with an OAuth error */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code; to a browser, a page saying so */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited (with Retry-After); to a browser, a page saying so */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    authorizeLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    session?: string;
                    csrf?: string;
                    email?: string;
                    password?: string;
                    decision?: string;
                };
                "application/x-www-form-urlencoded": {
                    session?: string;
                    csrf?: string;
                    email?: string;
                    password?: string;
                    decision?: string;
                };
            };
        };
        responses: {
            /** @description Signed in: the consent page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Cancelled: redirect to the redirect URI with error=access_denied */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code; to a browser, a page saying so */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited (with Retry-After); to a browser, a page saying so */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    authorizeConsent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    session?: string;
                    csrf?: string;
                    email?: string;
                    password?: string;
                    decision?: string;
                };
                "application/x-www-form-urlencoded": {
                    session?: string;
                    csrf?: string;
                    email?: string;
                    password?: string;
                    decision?: string;
                };
            };
        };
        responses: {
            /** @description Redirect to the redirect URI with ?code= (approved) or error=access_denied (denied) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code; to a browser, a page saying so */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description rate_limited (with Retry-After); to a browser, a page saying so */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    graphqlQuery: {
        parameters: {
            query?: {
                /** @description An approved GraphQL document */
                query?: string;
                /** @description Instead of query: the id of an approved operation */
                documentId?: string;
                /** @description JSON object */
                variables?: string;
                operationName?: string;
                /** @description JSON object */
                extensions?: string;
            };
            header: {
                /** @description Your tenant id; must be the tenant of the access token */
                "X-Tenant-ID": string;
                /** @description application/graphql-response+json (errors then use 4xx statuses) or application/json (the default) */
                Accept?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operation ran (application/json: also request errors, in `errors`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/graphql-response+json": {
                        data?: {
                            [key: string]: unknown;
                        } | null;
                        errors?: ({
                            message: string;
                            extensions?: {
                                /** @example OPERATION_NOT_APPROVED */
                                code?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        data?: {
                            [key: string]: unknown;
                        } | null;
                        errors?: ({
                            message: string;
                            extensions?: {
                                /** @example OPERATION_NOT_APPROVED */
                                code?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description A request that is not well-formed GraphQL-over-HTTP (no query, variables not an object, a bad GET parameter), in `errors` with extensions.code BAD_REQUEST or INVALID_VARIABLES; with application/graphql-response+json also a refused document (not approved, introspection, depth or cost limit) or invalid variables. Refusals before GraphQL is read are in the error envelope (X-Tenant-ID missing; a body that is not JSON, not an object, nested deeper than MAX_JSON_DEPTH, or holding a NUL character, in variables too) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/graphql-response+json": {
                        data?: {
                            [key: string]: unknown;
                        } | null;
                        errors?: ({
                            message: string;
                            extensions?: {
                                /** @example OPERATION_NOT_APPROVED */
                                code?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                    "application/json": components["schemas"]["Error"] | ({
                        data?: {
                            [key: string]: unknown;
                        } | null;
                        errors?: ({
                            message: string;
                            extensions?: {
                                /** @example OPERATION_NOT_APPROVED */
                                code?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    });
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope (the token lacks the graphql scope) or tenant_mismatch (X-Tenant-ID is not the token's tenant) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A mutation over GET (in `errors`, with Allow: POST), or a method other than GET and POST (method_not_allowed, in the error envelope) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/graphql-response+json": {
                        data?: {
                            [key: string]: unknown;
                        } | null;
                        errors?: ({
                            message: string;
                            extensions?: {
                                /** @example OPERATION_NOT_APPROVED */
                                code?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                    "application/json": components["schemas"]["Error"] | ({
                        data?: {
                            [key: string]: unknown;
                        } | null;
                        errors?: ({
                            message: string;
                            extensions?: {
                                /** @example OPERATION_NOT_APPROVED */
                                code?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    });
                };
            };
            /** @description not_acceptable: Accept names neither application/graphql-response+json nor application/json */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    graphql: {
        parameters: {
            query?: never;
            header: {
                /** @description Your tenant id; must be the tenant of the access token */
                "X-Tenant-ID": string;
                /** @description application/graphql-response+json (errors then use 4xx statuses) or application/json (the default) */
                Accept?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An approved GraphQL document (whitespace and comments do not matter) */
                    query?: string;
                    variables?: {
                        [key: string]: unknown;
                    } | null;
                    operationName?: string | null;
                    /** @description Instead of query: the id of an approved operation (sha256:<hex>) */
                    documentId?: string;
                    /** @description persistedQuery.sha256Hash may name an approved operation instead of query */
                    extensions?: {
                        [key: string]: unknown;
                    } | null;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description The operation ran (application/json: also request errors, in `errors`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/graphql-response+json": {
                        data?: {
                            [key: string]: unknown;
                        } | null;
                        errors?: ({
                            message: string;
                            extensions?: {
                                /** @example OPERATION_NOT_APPROVED */
                                code?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        data?: {
                            [key: string]: unknown;
                        } | null;
                        errors?: ({
                            message: string;
                            extensions?: {
                                /** @example OPERATION_NOT_APPROVED */
                                code?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description A request that is not well-formed GraphQL-over-HTTP (no query, variables not an object, a bad GET parameter), in `errors` with extensions.code BAD_REQUEST or INVALID_VARIABLES; with application/graphql-response+json also a refused document (not approved, introspection, depth or cost limit) or invalid variables. Refusals before GraphQL is read are in the error envelope (X-Tenant-ID missing; a body that is not JSON, not an object, nested deeper than MAX_JSON_DEPTH, or holding a NUL character, in variables too) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/graphql-response+json": {
                        data?: {
                            [key: string]: unknown;
                        } | null;
                        errors?: ({
                            message: string;
                            extensions?: {
                                /** @example OPERATION_NOT_APPROVED */
                                code?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                    "application/json": components["schemas"]["Error"] | ({
                        data?: {
                            [key: string]: unknown;
                        } | null;
                        errors?: ({
                            message: string;
                            extensions?: {
                                /** @example OPERATION_NOT_APPROVED */
                                code?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    });
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope (the token lacks the graphql scope) or tenant_mismatch (X-Tenant-ID is not the token's tenant) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A mutation over GET (in `errors`, with Allow: POST), or a method other than GET and POST (method_not_allowed, in the error envelope) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/graphql-response+json": {
                        data?: {
                            [key: string]: unknown;
                        } | null;
                        errors?: ({
                            message: string;
                            extensions?: {
                                /** @example OPERATION_NOT_APPROVED */
                                code?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                    "application/json": components["schemas"]["Error"] | ({
                        data?: {
                            [key: string]: unknown;
                        } | null;
                        errors?: ({
                            message: string;
                            extensions?: {
                                /** @example OPERATION_NOT_APPROVED */
                                code?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    });
                };
            };
            /** @description not_acceptable: Accept names neither application/graphql-response+json nor application/json */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAppGraphqlOperations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operations the app may run */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example app_123 */
                        client_id: string;
                        /** @description the app's granted bundles (governance graphql_bundles) that exist, sorted */
                        bundles: string[];
                        operations: {
                            /** @description the granted bundle it belongs to */
                            bundle: string;
                            /** @description the operation name; null for an anonymous operation */
                            name: string | null;
                            type: "query" | "mutation";
                            /** @description sha256:<hex> of document: what documentId and persistedQuery.sha256Hash name */
                            id: string;
                            /** @description the hex digest alone */
                            sha256: string;
                            /** @description the normalised document: the operation, then the fragments it uses */
                            document: string;
                        }[];
                        /** @description null: every operation is in this answer (the list is not paged today) */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPortalLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link (shown this once) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example plk_123 */
                        id: string;
                        app_id: string;
                        /** @description the portal page, its single-use code in the fragment (#code=…), which browsers send to no server and in no Referer; hand it to the app's owners, or load it in the tenant's site (see PUT /v1/portal/settings) */
                        url: string;
                        /**
                         * Format: date-time
                         * @description when the link stops working unless used before (600 s)
                         */
                        expires_at: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs; app_disabled: the app is disabled by its governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPortalSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description The session */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description a bearer token for the public webhook API, scoped to the app's webhooks (webhooks:write) */
                        access_token: string;
                        /** @constant */
                        token_type: "Bearer";
                        tenant_id: string;
                        app: {
                            /** @example app_123 */
                            id: string;
                            name: string;
                        };
                        /**
                         * Format: date-time
                         * @description when the session ends
                         */
                        expires_at: string;
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code; invalid_portal_link: the portal link is unknown, used or expired; a tenant administrator mints another */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description app_disabled: the app is disabled by its governance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPortalSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tenant_id: string;
                        app: {
                            /** @example app_123 */
                            id: string;
                            name: string;
                        };
                        /**
                         * Format: date-time
                         * @description when the session ends
                         */
                        expires_at: string;
                    };
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletePortalSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ended: the token no longer works */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPortalSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the sites (origins) whose pages may embed the portal in a frame: https, or http for localhost; none by default */
                        frame_ancestors: string[];
                    };
                };
            };
            /** @description invalid_request: a body or header that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updatePortalSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the sites (origins) whose pages may embed the portal in a frame: https, or http for localhost; none by default */
                    frame_ancestors: string[];
                };
            };
        };
        responses: {
            /** @description The settings as set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the sites (origins) whose pages may embed the portal in a frame: https, or http for localhost; none by default */
                        frame_ancestors: string[];
                    };
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, malformed, expired or revoked bearer token (with WWW-Authenticate) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description insufficient_scope: the token lacks the scope or role this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPortalScript: {
        parameters: {
            query?: {
                v?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The script */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPortal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description invalid_request (the field is named), invalid_scope, or an OAuth error code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not_found: no such resource for this tenant (another tenant's ids answer 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description method_not_allowed (with Allow) */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description payload_too_large: the body exceeds MAX_BODY_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported_media_type: a body must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description server_error: a bug; quote the x-request-id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    webhookCaseCreated: {
        parameters: {
            query?: never;
            header: {
                /** @description the event id, the same on every retry and replay: dedupe on it */
                "webhook-id": string;
                /** @description seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body">, one per active secret, space separated */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "case.created";
                    /**
                     * Format: date-time
                     * @description when the event was published
                     */
                    timestamp: string;
                    data: components["schemas"]["CaseCreatedData"];
                };
            };
        };
        responses: {
            /** @description Any 2xx within WEBHOOK_TIMEOUT_MS: delivered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or none) is a failure, retried on the schedule; 410 Gone disables the webhook */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookCaseUpdated: {
        parameters: {
            query?: never;
            header: {
                /** @description the event id, the same on every retry and replay: dedupe on it */
                "webhook-id": string;
                /** @description seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body">, one per active secret, space separated */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "case.updated";
                    /**
                     * Format: date-time
                     * @description when the event was published
                     */
                    timestamp: string;
                    data: components["schemas"]["CaseUpdatedData"];
                };
            };
        };
        responses: {
            /** @description Any 2xx within WEBHOOK_TIMEOUT_MS: delivered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or none) is a failure, retried on the schedule; 410 Gone disables the webhook */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookIncidentCreated: {
        parameters: {
            query?: never;
            header: {
                /** @description the event id, the same on every retry and replay: dedupe on it */
                "webhook-id": string;
                /** @description seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body">, one per active secret, space separated */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "incident.created";
                    /**
                     * Format: date-time
                     * @description when the event was published
                     */
                    timestamp: string;
                    data: components["schemas"]["IncidentCreatedData"];
                };
            };
        };
        responses: {
            /** @description Any 2xx within WEBHOOK_TIMEOUT_MS: delivered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or none) is a failure, retried on the schedule; 410 Gone disables the webhook */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookIncidentUpdated: {
        parameters: {
            query?: never;
            header: {
                /** @description the event id, the same on every retry and replay: dedupe on it */
                "webhook-id": string;
                /** @description seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body">, one per active secret, space separated */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "incident.updated";
                    /**
                     * Format: date-time
                     * @description when the event was published
                     */
                    timestamp: string;
                    data: components["schemas"]["IncidentUpdatedData"];
                };
            };
        };
        responses: {
            /** @description Any 2xx within WEBHOOK_TIMEOUT_MS: delivered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or none) is a failure, retried on the schedule; 410 Gone disables the webhook */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookIncidentClosed: {
        parameters: {
            query?: never;
            header: {
                /** @description the event id, the same on every retry and replay: dedupe on it */
                "webhook-id": string;
                /** @description seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body">, one per active secret, space separated */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "incident.closed";
                    /**
                     * Format: date-time
                     * @description when the event was published
                     */
                    timestamp: string;
                    data: components["schemas"]["IncidentClosedData"];
                };
            };
        };
        responses: {
            /** @description Any 2xx within WEBHOOK_TIMEOUT_MS: delivered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or none) is a failure, retried on the schedule; 410 Gone disables the webhook */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookWebhookTest: {
        parameters: {
            query?: never;
            header: {
                /** @description the event id, the same on every retry and replay: dedupe on it */
                "webhook-id": string;
                /** @description seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body">, one per active secret, space separated */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "webhook.test";
                    /**
                     * Format: date-time
                     * @description when the event was published
                     */
                    timestamp: string;
                    data: components["schemas"]["WebhookTestData"];
                };
            };
        };
        responses: {
            /** @description Any 2xx within WEBHOOK_TIMEOUT_MS: delivered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or none) is a failure, retried on the schedule; 410 Gone disables the webhook */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookDeliveryExhausted: {
        parameters: {
            query?: never;
            header: {
                /** @description the event id, the same on every retry and replay: dedupe on it */
                "webhook-id": string;
                /** @description seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body">, one per active secret, space separated */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "delivery.exhausted";
                    /**
                     * Format: date-time
                     * @description when the event was published
                     */
                    timestamp: string;
                    data: components["schemas"]["DeliveryExhaustedData"];
                };
            };
        };
        responses: {
            /** @description Any 2xx within WEBHOOK_TIMEOUT_MS: delivered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or none) is a failure, retried on the schedule; 410 Gone disables the webhook */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookWebhookDisabled: {
        parameters: {
            query?: never;
            header: {
                /** @description the event id, the same on every retry and replay: dedupe on it */
                "webhook-id": string;
                /** @description seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body">, one per active secret, space separated */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "webhook.disabled";
                    /**
                     * Format: date-time
                     * @description when the event was published
                     */
                    timestamp: string;
                    data: components["schemas"]["WebhookDisabledData"];
                };
            };
        };
        responses: {
            /** @description Any 2xx within WEBHOOK_TIMEOUT_MS: delivered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or none) is a failure, retried on the schedule; 410 Gone disables the webhook */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookWebhookFailing: {
        parameters: {
            query?: never;
            header: {
                /** @description the event id, the same on every retry and replay: dedupe on it */
                "webhook-id": string;
                /** @description seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body">, one per active secret, space separated */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "webhook.failing";
                    /**
                     * Format: date-time
                     * @description when the event was published
                     */
                    timestamp: string;
                    data: components["schemas"]["WebhookFailingData"];
                };
            };
        };
        responses: {
            /** @description Any 2xx within WEBHOOK_TIMEOUT_MS: delivered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or none) is a failure, retried on the schedule; 410 Gone disables the webhook */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookWebhookRecovered: {
        parameters: {
            query?: never;
            header: {
                /** @description the event id, the same on every retry and replay: dedupe on it */
                "webhook-id": string;
                /** @description seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body">, one per active secret, space separated */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "webhook.recovered";
                    /**
                     * Format: date-time
                     * @description when the event was published
                     */
                    timestamp: string;
                    data: components["schemas"]["WebhookRecoveredData"];
                };
            };
        };
        responses: {
            /** @description Any 2xx within WEBHOOK_TIMEOUT_MS: delivered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or none) is a failure, retried on the schedule; 410 Gone disables the webhook */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookWebhookHeldExpired: {
        parameters: {
            query?: never;
            header: {
                /** @description the event id, the same on every retry and replay: dedupe on it */
                "webhook-id": string;
                /** @description seconds since the epoch when this attempt was signed */
                "webhook-timestamp": string;
                /** @description v1,<base64 HMAC-SHA256 of "id.timestamp.body">, one per active secret, space separated */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "webhook.held_expired";
                    /**
                     * Format: date-time
                     * @description when the event was published
                     */
                    timestamp: string;
                    data: components["schemas"]["WebhookHeldExpiredData"];
                };
            };
        };
        responses: {
            /** @description Any 2xx within WEBHOOK_TIMEOUT_MS: delivered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer (or none) is a failure, retried on the schedule; 410 Gone disables the webhook */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
