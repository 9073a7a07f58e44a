#!/usr/bin/env bun
// The `argus` command: `npm run argus -- <command> [options]` or `bunx argus <command>`.
import { loadConfig, ConfigError, type Config } from './config.ts';
import { openServices, startService, type Service } from './main.ts';
import { mintAdminToken, type Services } from './services.ts';
import { openDb } from './db/index.ts';
import { migrate, MigrationError } from './db/migrate.ts';
import { onShutdownSignal } from './platform.ts';
import { createLogger } from './log.ts';
import { ApiError } from './http/errors.ts';

export class UsageError extends Error {}

export interface Command {
  summary: string;
  usage: string;
  run(args: ParsedArgs, config: Config): Promise<number | 'running'>;
}

export interface ParsedArgs { flags: Record<string, string | true>; positional: string[] }

export function parseArgs(argv: string[]): ParsedArgs {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      const next = argv[i + 1];
      if (inline !== undefined) flags[name] = inline;
      else if (next !== undefined && !next.startsWith('--')) flags[name] = argv[++i];
      else flags[name] = true;
    } else if (arg === '-h') flags.help = true;
    else positional.push(arg);
  }
  return { flags, positional };
}

export function stringFlag(args: ParsedArgs, name: string, required: true): string;
export function stringFlag(args: ParsedArgs, name: string, required?: false): string | undefined;
export function stringFlag(args: ParsedArgs, name: string, required = false): string | undefined {
  const value = args.flags[name];
  if (value === true) throw new UsageError(`--${name} needs a value`);
  if (value === undefined && required) throw new UsageError(`--${name} is required`);
  return value;
}

function keepRunning(service: Service): 'running' {
  onShutdownSignal((signal) => {
    service.log.info('shutting down', { signal });
    service.stop().then(
      () => process.exit(0),
      (error) => {
        service.log.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  });
  return 'running';
}

async function withServices<T>(config: Config, fn: (services: Services) => Promise<T>): Promise<T> {
  // One-shot commands print results on stdout; their logs go to stderr.
  const services = await openServices(config, { log: createLogger('warn', { service: 'argus' }, (line) => process.stderr.write(line + '\n')) });
  try {
    return await fn(services);
  } finally {
    await services.actors.drain();
    await services.db.close();
  }
}

function print(args: ParsedArgs, json: Record<string, unknown>, text: string): void {
  console.log(args.flags.json ? JSON.stringify(json, null, 2) : text);
}

export const commands: Record<string, Command> = {
  serve: {
    summary: 'Start the HTTP service and its workers (the default command).',
    usage: 'argus serve [--no-workers]\n\nListens on HOST:PORT (default 127.0.0.1:3000). Without DATABASE_URL, keeps an embedded\nPostgres under DATA_DIR (default ./.data). See README.md for every variable.',
    async run(args, config) {
      const service = await startService(config, { http: true, workers: args.flags['no-workers'] === undefined && config.runWorkers });
      if (!(await service.tenants.any())) {
        service.log.info('no tenant yet: create one with `npm run argus -- bootstrap --tenant NAME --admin-email EMAIL --json`; it prints an admin access token for the API examples');
      }
      return keepRunning(service);
    },
  },
  worker: {
    summary: 'Run workers only (delivery, timers); start several to scale out on one Postgres.',
    usage: 'argus worker\n\nNeeds DATABASE_URL: the embedded database cannot be shared between processes.',
    async run(_args, config) {
      if (!config.databaseUrl) throw new UsageError('argus worker needs DATABASE_URL (the embedded database belongs to one process)');
      const service = await startService(config, { http: false, workers: true });
      service.log.info('worker started');
      return keepRunning(service);
    },
  },
  migrate: {
    summary: 'Apply pending database migrations and exit.',
    usage: 'argus migrate\n\nSafe to run while other processes start: migrations run behind an advisory lock.',
    async run(_args, config) {
      const db = await openDb(config);
      try {
        const applied = await migrate(db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      } finally {
        await db.close();
      }
      return 0;
    },
  },
};

commands.bootstrap = {
  summary: 'Create a tenant and its first administrator; prints an admin access token.',
  usage: `argus bootstrap --tenant NAME --admin-email EMAIL [--admin-password P] [--json]

Without --admin-password one is generated and printed once. The admin access token is
short-lived (ADMIN_TOKEN_TTL_SECONDS); mint another with argus token.`,
  async run(args, config) {
    const name = stringFlag(args, 'tenant', true);
    const email = stringFlag(args, 'admin-email', true);
    const password = stringFlag(args, 'admin-password');
    return withServices(config, async (services) => {
      const created = await services.tenants.createTenant({ name, adminEmail: email, adminPassword: password });
      const token = await mintAdminToken(services, created.tenantId, created.adminUserId);
      const out = {
        tenant_id: created.tenantId,
        admin_user_id: created.adminUserId,
        admin_email: email,
        ...(created.adminPassword ? { admin_password: created.adminPassword } : {}),
        admin_access_token: token.token,
        expires_at: token.expiresAt.toISOString(),
      };
      print(args, out, [
        `tenant ${name}: ${created.tenantId}`,
        `admin ${email}${created.adminPassword ? ` (password, shown once: ${created.adminPassword})` : ''}`,
        `admin access token (until ${out.expires_at}):`,
        token.token,
      ].join('\n'));
      return 0;
    });
  },
};

commands.token = {
  summary: 'Mint a short-lived access token for a tenant administrator.',
  usage: 'argus token --tenant NAME|ten_… --admin [--email EMAIL] [--json]\n\nWithout --email, the first administrator of the tenant.',
  async run(args, config) {
    const tenantRef = stringFlag(args, 'tenant', true);
    if (args.flags.admin === undefined) throw new UsageError('only --admin tokens can be minted here; apps get theirs from /v1/oauth/token');
    const email = stringFlag(args, 'email');
    return withServices(config, async (services) => {
      const tenant = tenantRef.startsWith('ten_') ? await services.tenants.tenant(tenantRef) : await services.tenants.tenantByName(tenantRef);
      if (!tenant) throw new UsageError(`no tenant "${tenantRef}"`);
      const admin = email ? await services.tenants.adminByEmail(tenant.id, email) : await services.tenants.firstAdmin(tenant.id);
      if (!admin) throw new UsageError(email ? `${email} is not an administrator of ${tenant.name}` : `tenant ${tenant.name} has no administrator`);
      const token = await mintAdminToken(services, tenant.id, admin.id);
      print(args, { tenant_id: tenant.id, admin_user_id: admin.id, admin_access_token: token.token, expires_at: token.expiresAt.toISOString() }, token.token);
      return 0;
    });
  },
};

commands.keys = {
  summary: 'Signing keys: list them, or rotate (next → active → retiring → retired).',
  usage: 'argus keys list|rotate [--json]',
  async run(args, config) {
    const action = args.positional[0] ?? 'list';
    if (action !== 'list' && action !== 'rotate') throw new UsageError(`unknown keys action "${action}"; use list or rotate`);
    return withServices(config, async (services) => {
      if (action === 'rotate') {
        const r = await services.keys.rotate();
        print(args, r, `activated ${r.activated.join(', ')}; retiring ${r.retiring.join(', ') || 'none'}; next ${r.next.join(', ')}`);
      } else {
        const keys = await services.keys.list();
        print(args, { keys }, keys.map((k) => `${k.kid}  ${k.alg}  ${k.state.padEnd(8)}  ${k.created_at}`).join('\n'));
      }
      return 0;
    });
  },
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    'argus — the Argus Integrations service',
    '',
    'Usage: argus <command> [options]    (argus <command> --help for details)',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number | 'running'> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    console.log(help());
    return 0;
  }
  const name = first === undefined || first.startsWith('-') ? 'serve' : first;
  const command = commands[name];
  if (!command) {
    console.error(`argus: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const args = parseArgs(first === undefined || first.startsWith('-') ? argv : rest);
  if (args.flags.help) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(args, loadConfig());
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof MigrationError) {
      console.error(`argus ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof ApiError) {
      console.error(`argus ${name}: ${error.description}`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) {
  runCli(process.argv.slice(2)).then(
    (code) => { if (code !== 'running') process.exit(code); },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
