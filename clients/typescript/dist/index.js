// The typed client of the Argus Integrations API: openapi-fetch over the types generated from
// the served OpenAPI document (./schema.ts), and a receiver for its webhooks (./receiver.ts).
//
//   const argus = createArgusClient({ baseUrl: 'https://argus.example', token: accessToken });
//   const { data, error } = await argus.POST('/v1/webhooks', { body: { url, events: ['case.updated'] } });
//
// Every path, parameter, body and answer is typed; `error` is the service's error envelope.
import createClient, {} from 'openapi-fetch';
export * from "./events.js";
export { webhookReceiver, WebhookVerificationError } from "./receiver.js";
export function createArgusClient(options) {
    const client = createClient({ baseUrl: options.baseUrl.replace(/\/+$/, ''), fetch: options.fetch });
    const { token } = options;
    if (token !== undefined) {
        client.use({
            async onRequest({ request }) {
                request.headers.set('authorization', `Bearer ${typeof token === 'function' ? await token() : token}`);
                return request;
            },
        });
    }
    return client;
}
