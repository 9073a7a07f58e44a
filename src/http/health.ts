import { t } from 'elysia';
import { router } from './router.ts';
import { answers } from '../docs/responses.ts';
import type { Db } from '../db/index.ts';
import { migrationsApplied, type Migration } from '../db/migrate.ts';

const Liveness = t.Object({ status: t.Literal('ok') });
const Readiness = t.Object({
  status: t.Union([t.Literal('ready'), t.Literal('not_ready')]),
  checks: t.Object({
    database: t.String({ description: 'ok, or unreachable: why' }),
    migrations: t.Optional(t.Union([t.Literal('ok'), t.Literal('pending')])),
    shutdown: t.Optional(t.Literal('draining')),
  }),
});

export function healthRoutes(deps: { db: Db; migrations: Migration[]; isShuttingDown: () => boolean }) {
  return router('health')
    .get('/healthz', () => ({ status: 'ok' }), {
      detail: { summary: 'Liveness', tags: ['operations'], responses: answers(200, 'The process answers', Liveness) },
    })
    .get(
      '/readyz',
      async ({ set }) => {
        const checks: Record<string, string> = {};
        try {
          await deps.db.query('select 1');
          checks.database = 'ok';
          checks.migrations = (await migrationsApplied(deps.db, deps.migrations)) ? 'ok' : 'pending';
        } catch (error) {
          checks.database = `unreachable: ${(error as Error).message}`;
        }
        if (deps.isShuttingDown()) checks.shutdown = 'draining';
        const ready = checks.database === 'ok' && checks.migrations === 'ok' && !deps.isShuttingDown();
        set.status = ready ? 200 : 503;
        return { status: ready ? 'ready' : 'not_ready', checks };
      },
      {
        detail: {
          summary: 'Readiness: database reachable and migrations applied',
          description: 'Answers 503 with the same body (status not_ready, and which check failed) when not ready.',
          tags: ['operations'],
          responses: {
            ...answers(200, 'Ready to serve', Readiness),
            ...answers(503, 'Not ready: the database, the migrations or a shutdown in progress', Readiness),
          },
        },
      },
    );
}
