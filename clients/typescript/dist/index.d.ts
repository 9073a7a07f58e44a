import { type Client } from 'openapi-fetch';
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
export declare function createArgusClient(options: ArgusClientOptions): ArgusClient;
