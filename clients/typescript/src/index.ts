// The typed client of the Argus Integrations API: openapi-fetch over the types generated from
// the served OpenAPI document (./schema.ts), and a receiver for its webhooks (./receiver.ts).
//
//   const argus = createArgusClient({ baseUrl: 'https://argus.example', token: accessToken });
//   const { data, error } = await argus.POST('/v1/webhooks', { body: { url, events: ['case.updated'] } });
//
// Every path, parameter, body and answer is typed; `error` is the service's error envelope.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema.ts';

export type { paths, components, operations } from './schema.ts';
export * from './events.ts';
export { webhookReceiver, WebhookVerificationError, type WebhookReceiver } from './receiver.ts';

export type ArgusClient = Client<paths>;

export interface ArgusClientOptions {
  baseUrl: string;
  /** A bearer token, or a function answering the current one (called for every request). */
  token?: string | (() => string | Promise<string>);
  /** Another fetch (a test's, or one with a proxy). */
  fetch?: (request: Request) => Promise<Response>;
}

export function createArgusClient(options: ArgusClientOptions): ArgusClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ''), fetch: options.fetch });
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
