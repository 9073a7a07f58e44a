// The studio: every machine drawn from its definition, and the transition journal of any
// instance the tenant owns, live. Admin tokens only; the page itself holds no data.
import { t } from 'elysia';
import type { AnyStateMachine } from 'xstate';
import { router } from '../http/router.ts';
import { notFound } from '../http/errors.ts';
import type { Authenticator } from '../http/auth.ts';
import type { Db } from '../db/index.ts';
import { allStates, machineModel, namedParts } from './model.ts';
import { machineSvg } from './svg.ts';
import { studioPage, studioScript } from './page.ts';

const tags = ['Studio'];
const Name = t.Object({ name: t.String({ maxLength: 100 }) });

export function studioRoutes(deps: { auth: Authenticator; db: Db; machines: Map<string, AnyStateMachine> }) {
  const { auth, db, machines } = deps;
  const machine = (name: string) => {
    const m = machines.get(name);
    if (!m) throw notFound(`machine ${name}`);
    return m;
  };
  const journal = (tenantId: string, name: string, id: string, afterSeq: number) =>
    db.query<{ seq: number; from_state: string | null; event_type: string; to_state: string; at: Date }>(
      `select seq, from_state, event_type, to_state, at from machine_journal
        where tenant_id = $1 and machine = $2 and instance_id = $3 and seq > $4 order by seq limit 500`,
      [tenantId, name, id, afterSeq],
    );
  const entry = (r: { seq: number; from_state: string | null; event_type: string; to_state: string; at: Date }) => ({
    seq: r.seq, from: r.from_state, event: r.event_type, to: r.to_state, at: r.at.toISOString(),
  });

  return router('studio')
    .get('/studio', () => studioPage(), { detail: { summary: 'The studio page (HTML)', tags, security: [] } })
    .get('/studio/studio.js', ({ set }) => {
      set.headers['content-type'] = 'text/javascript; charset=utf-8';
      return studioScript;
    }, { detail: { summary: 'The studio script', tags, security: [] } })
    .get('/v1/machines', async ({ request }) => {
      await auth.requireAdmin(request);
      return {
        machines: [...machines.values()].map((m) => ({
          name: m.id,
          states: allStates(machineModel(m)).map((s) => s.path.join('.')),
          ...namedParts(m),
        })),
      };
    }, { detail: { summary: 'Every machine of the product', tags } })
    .get('/v1/machines/:name', async ({ request, params }) => {
      await auth.requireAdmin(request);
      // XState's own JSON form of the definition, loadable by XState tooling.
      return machine(params.name).toJSON();
    }, { params: Name, detail: { summary: 'A machine definition as XState JSON', tags } })
    .get('/v1/machines/:name/diagram.svg', async ({ request, params, set }) => {
      await auth.requireAdmin(request);
      set.headers['content-type'] = 'image/svg+xml';
      return machineSvg(params.name, machineModel(machine(params.name)));
    }, { params: Name, detail: { summary: 'A machine drawn as a statechart (SVG)', tags } })
    .get('/v1/machines/:name/instances/:id/journal', async ({ request, params }) => {
      const p = await auth.requireAdmin(request);
      machine(params.name);
      const rows = await journal(p.tenantId, params.name, params.id, 0);
      if (rows.length === 0) throw notFound(`${params.name} ${params.id}`);
      return { transitions: rows.map(entry) };
    }, { params: t.Object({ name: t.String({ maxLength: 100 }), id: t.String({ maxLength: 100 }) }), detail: { summary: "An instance's path through its machine", tags } })
    .get('/v1/machines/:name/instances/:id/stream', async ({ request, params }) => {
      const p = await auth.requireAdmin(request);
      machine(params.name);
      // Server-sent events: each new journal row as it commits (polled, so every process and
      // database driver behaves the same).
      let last = Number(request.headers.get('last-event-id') ?? '0') || 0;
      const encoder = new TextEncoder();
      let timer: ReturnType<typeof setInterval> | undefined;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode(': connected\n\n'));
          const poll = async () => {
            try {
              for (const r of await journal(p.tenantId, params.name, params.id, last)) {
                last = r.seq;
                controller.enqueue(encoder.encode(`id: ${r.seq}\nevent: transition\ndata: ${JSON.stringify(entry(r))}\n\n`));
              }
            } catch (error) {
              clearInterval(timer);
              controller.error(error);
            }
          };
          void poll();
          timer = setInterval(poll, 400);
          request.signal.addEventListener('abort', () => {
            clearInterval(timer);
            try { controller.close(); } catch { /* already closed by the client */ }
          });
        },
        cancel() {
          clearInterval(timer);
        },
      });
      return new Response(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' } });
    }, { params: t.Object({ name: t.String({ maxLength: 100 }), id: t.String({ maxLength: 100 }) }), detail: { summary: "An instance's transitions, live (server-sent events)", tags } });
}
