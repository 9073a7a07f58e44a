// The GraphQL schema behind the curated bundles: incidents, cases and webhook configuration.
// It is never published: callers run only reviewed operations (src/graphql/bundles/), and
// every resolver reads the tenant and the scopes from the caller's token.
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLNullableType,
} from 'graphql';
import { insufficientScope, invalidRequest } from '../errors.ts';
import { readPage } from '../db/page.ts';
import type { Principal } from '../identity/principal.ts';
import type { WebhookService } from '../webhooks/service.ts';
import { EVENT_TYPES } from '../webhooks/catalog.ts';
import type { IncidentRow, IncidentService } from './incidents/service.ts';
import type { CaseRow, CaseService } from './cases/service.ts';
import { LIMITS } from './limits.ts';

/** What every resolver receives: the caller and the services it may use on its behalf. */
export type GraphqlContext = {
  principal: Principal;
  incidents: IncidentService;
  cases: CaseService;
  webhooks: WebhookService;
};

type Field<Source, Args = Record<string, unknown>> = GraphQLFieldConfig<Source, GraphqlContext, Args>;

/** A tenant administrator's token carries every scope; an app's token only those granted. */
function need(ctx: GraphqlContext, ...anyOf: string[]): void {
  if (ctx.principal.admin || anyOf.some((s) => ctx.principal.scopes.includes(s))) return;
  throw insufficientScope(anyOf.join(' '));
}

function firstArg(value: number | null | undefined): number {
  const first = value ?? LIMITS.defaultPage;
  if (!Number.isInteger(first) || first < 1 || first > LIMITS.maxPage)
    throw invalidRequest(`first: from 1 to ${LIMITS.maxPage}`);
  return first;
}

function pageArgs(args: { first?: number | null; after?: string | null }) {
  return readPage({ limit: firstArg(args.first), cursor: args.after ?? undefined });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const nonNull = <T extends GraphQLNullableType>(t: T) => new GraphQLNonNull(t);
const listOf = <T extends GraphQLNullableType>(t: T) => nonNull(new GraphQLList(nonNull(t)));
const FIRST = { type: GraphQLInt, defaultValue: LIMITS.defaultPage, description: `page size, 1 to ${LIMITS.maxPage}` };
const AFTER = { type: GraphQLString, description: 'nextCursor of the previous page' };

const Severity = new GraphQLEnumType({
  name: 'IncidentSeverity',
  values: {
    LOW: { value: 'low' },
    MEDIUM: { value: 'medium' },
    HIGH: { value: 'high' },
    CRITICAL: { value: 'critical' },
  },
});
const IncidentStatus = new GraphQLEnumType({
  name: 'IncidentStatus',
  values: { OPEN: { value: 'open' }, CLOSED: { value: 'closed' } },
});
const CaseStatus = new GraphQLEnumType({
  name: 'CaseStatus',
  values: { OPEN: { value: 'open' }, IN_PROGRESS: { value: 'in_progress' }, CLOSED: { value: 'closed' } },
});
const WorkingCaseStatus = new GraphQLEnumType({
  name: 'WorkingCaseStatus',
  values: { OPEN: { value: 'open' }, IN_PROGRESS: { value: 'in_progress' } },
});

const timestamps = {
  createdAt: { type: nonNull(GraphQLString), resolve: (r: { created_at: Date }) => iso(r.created_at) },
  updatedAt: { type: nonNull(GraphQLString), resolve: (r: { updated_at: Date }) => iso(r.updated_at) },
  closedAt: { type: GraphQLString, resolve: (r: { closed_at: Date | null }) => iso(r.closed_at) },
};

// Incident and Case refer to each other; their fields are thunks, read once the schema is built.
const Incident: GraphQLObjectType<IncidentRow, GraphqlContext> = new GraphQLObjectType<IncidentRow, GraphqlContext>({
  name: 'Incident',
  fields: () => ({
    id: { type: nonNull(GraphQLID) },
    title: { type: nonNull(GraphQLString) },
    severity: { type: nonNull(Severity) },
    status: { type: nonNull(IncidentStatus) },
    ...timestamps,
    cases: {
      type: listOf(Case),
      args: { first: FIRST },
      resolve: (i, args: { first?: number | null }, ctx) => {
        need(ctx, 'cases:read', 'cases:write');
        return ctx.cases.ofIncident(ctx.principal.tenantId, i.id, firstArg(args.first));
      },
    } satisfies Field<IncidentRow, { first?: number | null }>,
  }),
});

const Case: GraphQLObjectType<CaseRow, GraphqlContext> = new GraphQLObjectType<CaseRow, GraphqlContext>({
  name: 'Case',
  fields: () => ({
    id: { type: nonNull(GraphQLID) },
    title: { type: nonNull(GraphQLString) },
    status: { type: nonNull(CaseStatus) },
    ...timestamps,
    incidents: {
      type: listOf(Incident),
      args: { first: FIRST },
      resolve: (c, args: { first?: number | null }, ctx) => {
        need(ctx, 'incidents:read', 'incidents:write');
        return ctx.incidents.ofCase(ctx.principal.tenantId, c.id, firstArg(args.first));
      },
    } satisfies Field<CaseRow, { first?: number | null }>,
  }),
});

const IncidentList = new GraphQLObjectType({
  name: 'IncidentList',
  fields: { incidents: { type: listOf(Incident) }, nextCursor: { type: GraphQLString } },
});
const CaseList = new GraphQLObjectType({
  name: 'CaseList',
  fields: { cases: { type: listOf(Case) }, nextCursor: { type: GraphQLString } },
});

interface WebhookView {
  id: string;
  url: string;
  events: string[];
  status: string;
  created_at: string;
  updated_at: string;
}
const Webhook = new GraphQLObjectType<WebhookView>({
  name: 'Webhook',
  fields: {
    id: { type: nonNull(GraphQLID) },
    url: { type: nonNull(GraphQLString) },
    events: { type: listOf(GraphQLString) },
    status: { type: nonNull(GraphQLString), description: 'active, failing, paused or disabled' },
    createdAt: { type: nonNull(GraphQLString), resolve: (w) => w.created_at },
    updatedAt: { type: nonNull(GraphQLString), resolve: (w) => w.updated_at },
  },
});
const WebhookList = new GraphQLObjectType({
  name: 'WebhookList',
  fields: { webhooks: { type: listOf(Webhook) }, nextCursor: { type: GraphQLString } },
});
const CreatedWebhook = new GraphQLObjectType({
  name: 'CreatedWebhook',
  fields: {
    webhook: { type: nonNull(Webhook) },
    secret: { type: GraphQLString, description: 'the generated whsec_… secret, shown once; null when you sent one' },
  },
});
const EventType = new GraphQLObjectType({
  name: 'EventType',
  fields: { type: { type: nonNull(GraphQLString) }, description: { type: nonNull(GraphQLString) } },
});

const Query = new GraphQLObjectType<unknown, GraphqlContext>({
  name: 'Query',
  fields: {
    incident: {
      type: Incident,
      args: { id: { type: nonNull(GraphQLID) } },
      resolve: (_s, args: { id: string }, ctx) => {
        need(ctx, 'incidents:read', 'incidents:write');
        return ctx.incidents.get(ctx.principal.tenantId, args.id);
      },
    },
    incidents: {
      type: nonNull(IncidentList),
      args: { first: FIRST, after: AFTER, status: { type: IncidentStatus } },
      resolve: async (
        _s,
        args: { first?: number | null; after?: string | null; status?: 'open' | 'closed' | null },
        ctx,
      ) => {
        need(ctx, 'incidents:read', 'incidents:write');
        const { items, next_cursor } = await ctx.incidents.list(
          ctx.principal.tenantId,
          pageArgs(args),
          args.status ?? null,
        );
        return { incidents: items, nextCursor: next_cursor };
      },
    },
    case: {
      type: Case,
      args: { id: { type: nonNull(GraphQLID) } },
      resolve: (_s, args: { id: string }, ctx) => {
        need(ctx, 'cases:read', 'cases:write');
        return ctx.cases.get(ctx.principal.tenantId, args.id);
      },
    },
    cases: {
      type: nonNull(CaseList),
      args: { first: FIRST, after: AFTER, status: { type: CaseStatus } },
      resolve: async (
        _s,
        args: { first?: number | null; after?: string | null; status?: 'open' | 'in_progress' | 'closed' | null },
        ctx,
      ) => {
        need(ctx, 'cases:read', 'cases:write');
        const { items, next_cursor } = await ctx.cases.list(
          ctx.principal.tenantId,
          pageArgs(args),
          args.status ?? null,
        );
        return { cases: items, nextCursor: next_cursor };
      },
    },
    webhooks: {
      type: nonNull(WebhookList),
      args: { first: FIRST, after: AFTER },
      resolve: async (_s, args: { first?: number | null; after?: string | null }, ctx) => {
        need(ctx, 'webhooks:read', 'webhooks:write');
        const { webhooks, next_cursor } = await ctx.webhooks.list(ctx.principal, pageArgs(args));
        return { webhooks, nextCursor: next_cursor };
      },
    },
    webhook: {
      type: Webhook,
      args: { id: { type: nonNull(GraphQLID) } },
      resolve: async (_s, args: { id: string }, ctx) => {
        need(ctx, 'webhooks:read', 'webhooks:write');
        return ctx.webhooks.get(ctx.principal, args.id);
      },
    },
    eventTypes: {
      type: listOf(EventType),
      resolve: () => EVENT_TYPES.map((e) => ({ type: e.type, description: e.description })),
    },
  },
});

const CreateIncidentInput = new GraphQLInputObjectType({
  name: 'CreateIncidentInput',
  fields: { title: { type: nonNull(GraphQLString) }, severity: { type: nonNull(Severity) } },
});
const UpdateIncidentInput = new GraphQLInputObjectType({
  name: 'UpdateIncidentInput',
  fields: { title: { type: GraphQLString }, severity: { type: Severity } },
});
const CreateCaseInput = new GraphQLInputObjectType({
  name: 'CreateCaseInput',
  fields: { title: { type: nonNull(GraphQLString) }, incidentIds: { type: new GraphQLList(nonNull(GraphQLID)) } },
});
const UpdateCaseInput = new GraphQLInputObjectType({
  name: 'UpdateCaseInput',
  fields: {
    title: { type: GraphQLString },
    status: { type: WorkingCaseStatus },
    incidentIds: { type: new GraphQLList(nonNull(GraphQLID)), description: 'replaces the linked incidents' },
  },
});
const CreateWebhookInput = new GraphQLInputObjectType({
  name: 'CreateWebhookInput',
  fields: {
    url: { type: nonNull(GraphQLString) },
    events: { type: listOf(GraphQLString) },
    secret: { type: GraphQLString },
  },
});
const UpdateWebhookInput = new GraphQLInputObjectType({
  name: 'UpdateWebhookInput',
  fields: {
    url: { type: GraphQLString },
    events: { type: new GraphQLList(nonNull(GraphQLString)) },
    paused: { type: GraphQLBoolean },
  },
});

const Mutation = new GraphQLObjectType<unknown, GraphqlContext>({
  name: 'Mutation',
  fields: {
    createIncident: {
      type: nonNull(Incident),
      args: { input: { type: nonNull(CreateIncidentInput) } },
      resolve: (_s, args: { input: { title: string; severity: IncidentRow['severity'] } }, ctx) => {
        need(ctx, 'incidents:write');
        return ctx.incidents.create(ctx.principal, args.input);
      },
    },
    updateIncident: {
      type: nonNull(Incident),
      args: { id: { type: nonNull(GraphQLID) }, input: { type: nonNull(UpdateIncidentInput) } },
      resolve: (
        _s,
        args: { id: string; input: { title?: string | null; severity?: IncidentRow['severity'] | null } },
        ctx,
      ) => {
        need(ctx, 'incidents:write');
        return ctx.incidents.update(ctx.principal, args.id, args.input);
      },
    },
    closeIncident: {
      type: nonNull(Incident),
      args: { id: { type: nonNull(GraphQLID) } },
      resolve: (_s, args: { id: string }, ctx) => {
        need(ctx, 'incidents:write');
        return ctx.incidents.close(ctx.principal, args.id);
      },
    },
    createCase: {
      type: nonNull(Case),
      args: { input: { type: nonNull(CreateCaseInput) } },
      resolve: (_s, args: { input: { title: string; incidentIds?: string[] | null } }, ctx) => {
        need(ctx, 'cases:write');
        return ctx.cases.create(ctx.principal, args.input);
      },
    },
    updateCase: {
      type: nonNull(Case),
      args: { id: { type: nonNull(GraphQLID) }, input: { type: nonNull(UpdateCaseInput) } },
      resolve: (
        _s,
        args: {
          id: string;
          input: { title?: string | null; status?: CaseRow['status'] | null; incidentIds?: string[] | null };
        },
        ctx,
      ) => {
        need(ctx, 'cases:write');
        return ctx.cases.update(ctx.principal, args.id, args.input);
      },
    },
    closeCase: {
      type: nonNull(Case),
      args: { id: { type: nonNull(GraphQLID) } },
      resolve: (_s, args: { id: string }, ctx) => {
        need(ctx, 'cases:write');
        return ctx.cases.close(ctx.principal, args.id);
      },
    },
    createWebhook: {
      type: nonNull(CreatedWebhook),
      args: { input: { type: nonNull(CreateWebhookInput) } },
      resolve: async (_s, args: { input: { url: string; events: string[]; secret?: string | null } }, ctx) => {
        need(ctx, 'webhooks:write');
        const { secret, ...webhook } = (await ctx.webhooks.create(ctx.principal, {
          url: args.input.url,
          events: args.input.events,
          ...(args.input.secret != null ? { secret: args.input.secret } : {}),
        })) as WebhookView & { secret?: string };
        return { webhook, secret: secret ?? null };
      },
    },
    updateWebhook: {
      type: nonNull(Webhook),
      args: { id: { type: nonNull(GraphQLID) }, input: { type: nonNull(UpdateWebhookInput) } },
      resolve: (
        _s,
        args: { id: string; input: { url?: string | null; events?: string[] | null; paused?: boolean | null } },
        ctx,
      ) => {
        need(ctx, 'webhooks:write');
        const { url, events, paused } = args.input;
        if (url == null && events == null && paused == null)
          throw invalidRequest('input: give url, events or paused to change');
        return ctx.webhooks.update(ctx.principal, args.id, {
          ...(url != null ? { url } : {}),
          ...(events != null ? { events } : {}),
          ...(paused != null ? { paused } : {}),
        });
      },
    },
  },
});

export function buildSchema(): GraphQLSchema {
  return new GraphQLSchema({ query: Query, mutation: Mutation });
}
