// Every answer a test service gives, checked against the service's own OpenAPI document: a
// success status the document does not list, a media type it does not name, or a JSON body
// that does not fit the documented schema is recorded, and the service's stop() throws with
// the list. So the whole suite's real responses, not a sample, keep the document honest.
import Ajv, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FetchHandler } from '../../src/platform.ts';
import { UNDOCUMENTED } from '../../src/docs/openapi.ts';

type Media = Record<string, { schema?: object }>;
type Operation = { responses: Record<string, { content?: Media }> };
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };

interface Route {
  template: string;
  pattern: RegExp;
  /** Literal characters: the most specific template wins ("/v1/events/types" over "/v1/events/{event_id}"). */
  weight: number;
  methods: Record<string, Operation>;
}

const toPattern = (template: string) =>
  new RegExp(
    `^${template
      .split(/(\{[^}]+\}|\*)/)
      .map((part) =>
        part === '*' ? '.*' : part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('')}$`,
  );

export class OpenApiCheck {
  readonly problems: string[] = [];
  private routes: Route[] | null = null;
  private loading: Promise<void> | null = null;
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly validators = new Map<object, ValidateFunction>();

  wrap = (handle: FetchHandler): FetchHandler => {
    return async (request, info) => {
      const method = request.method.toLowerCase();
      // The router answers "/v1/webhooks/" as "/v1/webhooks": the document names the latter.
      const path = new URL(request.url).pathname.replace(/(.)\/$/, '$1');
      const response = await handle(request, info);
      if (path !== '/api/docs' && (response.status < 300 || response.status >= 400)) {
        await this.load(handle);
        await this.check(method, path, response.clone());
      }
      return response;
    };
  };

  private load(handle: FetchHandler): Promise<void> {
    this.loading ??= (async () => {
      const answer = await handle(new Request('http://127.0.0.1/api/docs'), { remoteAddress: '127.0.0.1' });
      const doc = (await answer.json()) as Document;
      this.ajv.addSchema({ $id: 'doc', components: doc.components });
      this.routes = Object.entries(doc.paths)
        .map(([template, methods]) => ({
          template,
          pattern: toPattern(template),
          weight: template.replace(/\{[^}]+\}|\*/g, '').length,
          methods,
        }))
        .sort((a, b) => b.weight - a.weight);
    })();
    return this.loading;
  }

  private async check(method: string, path: string, response: Response): Promise<void> {
    if (UNDOCUMENTED.some((r) => r.test(path))) return;
    const route = this.routes!.find((r) => r.pattern.test(path) && r.methods[method]);
    const where = `${method.toUpperCase()} ${path} ${response.status}`;
    const success = response.status < 300;
    // A path no route serves (404) or a method it does not take (405) has no operation to check.
    if (!route) return void (success && this.problems.push(`${where}: no documented operation`));
    const documented = route.methods[method]!.responses[String(response.status)];
    if (!documented) return void this.problems.push(`${where}: status not documented for ${route.template}`);
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (!documented.content && !type) return;
    const media = documented.content?.[type];
    if (!media) {
      const named = Object.keys(documented.content ?? {}).join(', ') || 'none';
      return void this.problems.push(`${where}: answered ${type || 'no content type'}, documented ${named}`);
    }
    if (!type.endsWith('json') || !media.schema) return;
    const body = await response.text();
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return void this.problems.push(`${where}: not JSON: ${body.slice(0, 200)}`);
    }
    const validate = this.validatorFor(media.schema);
    if (!validate(value))
      this.problems.push(
        `${where} (${route.template}): ${this.ajv.errorsText(validate.errors)} in ${body.slice(0, 300)}`,
      );
  }

  private validatorFor(schema: object): ValidateFunction {
    let validate = this.validators.get(schema);
    if (!validate) {
      // Documented "#/components/schemas/X" references resolve inside the document added above.
      const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')) as object;
      validate = this.ajv.compile(rebased);
      this.validators.set(schema, validate);
    }
    return validate;
  }

  /** Throws with every answer that did not fit the document. */
  assertClean(): void {
    if (this.problems.length)
      throw new Error(
        `answers that do not fit the OpenAPI document (src/docs):\n${[...new Set(this.problems)].join('\n')}`,
      );
  }
}
