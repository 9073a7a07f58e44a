#!/usr/bin/env bun
// The `argus` command: `npm run argus -- <command> [options]`.
import { realTime } from './actors/clock.ts';
import { loadConfig, type Config } from './config.ts';
import { ConfigError } from './config-error.ts';
import { openServices, startService, type Service } from './main.ts';
import { describeOptions, parseFlags, UsageError, type Flags, type OptionSpecs } from './args.ts';
import { adminCommands, type AdminResult } from './admin-commands.ts';
import type { Services } from './services.ts';
import { callControl, controlSocketPath, startControlSocket } from './control.ts';
import { openDb } from './db/index.ts';
import { embeddedDatabaseHolder, EmbeddedDatabaseInUse } from './db/embedded-lock.ts';
import { BundleError } from './graphql/bundles.ts';
import { migrate, MigrationError } from './db/migrate.ts';
import { onReloadSignal, onShutdownSignal } from './platform.ts';
import { createLogger } from './log.ts';
import { ApiError } from './errors.ts';
import packageJson from '../package.json' with { type: 'json' };
import { ensureProcessEnvironment } from './process-env.ts';
import { serverSettings } from './server-settings.ts';

export interface Command {
  summary: string;
  /** The synopsis, then what help adds below it. */
  usage: string;
  options: OptionSpecs;
  run(flags: Flags, config: Config): Promise<number | 'running'>;
}

/** Stops the service on SIGTERM or SIGINT; a signal during `startup` stops it once that is done. */
function keepRunning(service: Service, startup: Promise<unknown> = Promise.resolve()): 'running' {
  let stopping = false;
  onShutdownSignal((signal) => {
    // Ctrl-C under npm arrives twice (the terminal signals the group, npm passes it on): one stop.
    if (stopping) return;
    stopping = true;
    service.log.info('shutting down', { signal });
    startup
      .catch(() => {}) // its failure is reported where it is awaited
      .then(() => service.stop())
      .then(
        () => process.exit(0),
        (error) => {
          service.log.error('shutdown failed', { error });
          process.exit(1);
        },
      );
  });
  return 'running';
}

export const commands: Record<string, Command> = {
  serve: {
    summary: 'Start the HTTP service and its workers (the default command).',
    usage:
      'argus serve [--no-workers]\n\nListens on HOST:PORT (default 127.0.0.1:3000). Without DATABASE_URL, keeps an embedded\nPostgres under DATA_DIR (default ./.data). Settings are environment variables\n(PORT=3001 argus serve); docs/operating.md, Configuration, lists them all.',
    options: { 'no-workers': { type: 'boolean', description: 'HTTP only: run the workers elsewhere (argus worker)' } },
    async run(flags, config) {
      const service = await startService(config, {
        http: true,
        workers: flags['no-workers'] !== true && config.runWorkers,
      });
      // The rest of start-up: a SIGTERM in it stops the server once it is done (stopped
      // under it, the tenant check failed on the closed database, and the control socket
      // started after the stop was left behind, with the embedded database's lock).
      const rest = (async () => {
        if (!config.databaseUrl) {
          const control = await startControlSocket(service, controlSocketPath(config.dataDir));
          service.onStop(() => control.stop());
        }
        if (!(await service.tenants.any())) {
          service.log.info(
            'no tenant yet: create one with `npm run argus -- bootstrap --tenant NAME --admin-email EMAIL --json`; it prints an admin access token for the API examples',
          );
        }
      })();
      // Stoppable from the moment it answers: a SIGTERM between listening and the end of
      // start-up killed it uncleanly (exit 143), and kept the embedded database's lock.
      keepRunning(service, rest);
      onReloadSignal(() => void service.reloadTls());
      await rest;
      return 'running';
    },
  },
  worker: {
    summary: 'Run workers only (delivery, timers); start several to scale out on one Postgres.',
    usage: 'argus worker\n\nNeeds DATABASE_URL: the embedded database cannot be shared between processes.',
    options: {},
    async run(_args, config) {
      if (!config.databaseUrl)
        throw new UsageError('argus worker needs DATABASE_URL (the embedded database belongs to one process)');
      const service = await startService(config, { http: false, workers: true });
      service.log.info('worker started');
      return keepRunning(service);
    },
  },
  migrate: {
    summary: 'Apply pending database migrations and exit.',
    usage: 'argus migrate\n\nSafe to run while other processes start: migrations run behind an advisory lock.',
    options: {},
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

/**
 * On a shared database, the issuer of the running server: the tokens this CLI mints must be
 * valid there, whatever PORT this shell has. A PUBLIC_URL set here that differs is kept, and
 * said to be another server's.
 */
async function forTheServer(config: Config): Promise<Config> {
  if (!config.databaseUrl) return config;
  const db = await openDb(config);
  let announced: string | null;
  try {
    announced = await serverSettings.issuer(db);
  } finally {
    await db.close();
  }
  if (announced === null || announced === config.publicUrl) return config;
  if (!config.publicUrlGiven) return { ...config, publicUrl: announced };
  console.error(
    `argus: PUBLIC_URL is ${config.publicUrl}, but the server on this database announced ${announced}: tokens minted here are for ${config.publicUrl}`,
  );
  return config;
}

/** Runs an admin command in-process, or through the server's control socket when
 * `argus serve` holds the embedded database. */
async function runAdmin(name: string, flags: Flags, config: Config): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const reply = config.databaseUrl ? null : await controlReply(name, flags, config);
    if (reply) {
      if (!reply.ok) {
        console.error(`argus ${name}: ${reply.message}`);
        return reply.usage ? 2 : 1;
      }
      return print(reply.result);
    }
    // One-shot commands print results on stdout; their logs go to stderr.
    let services: Services;
    try {
      services = await openServices(await forTheServer(config), {
        log: createLogger('warn', { service: 'argus' }, (line) => process.stderr.write(`${line}\n`), config.logFormat),
      });
    } catch (error) {
      // A server took the database between the two looks: ask it instead.
      if (error instanceof EmbeddedDatabaseInUse && attempt === 0) continue;
      throw error;
    }
    try {
      return print(await adminCommands[name]!.run(services, flags));
    } finally {
      await services.actors.drain();
      await services.close();
    }
  }

  function print(result: AdminResult): number {
    console.log(flags.json ? JSON.stringify(result.json, null, 2) : result.text);
    return 0;
  }
}

/**
 * The running server's answer through its control socket; null when no server holds the
 * embedded database (the command then opens it itself). A server that holds it but is not
 * answering yet is still starting: wait for it rather than open the database beside it.
 */
async function controlReply(name: string, flags: Flags, config: Config) {
  const socket = controlSocketPath(config.dataDir);
  const deadline = realTime() + 30_000;
  for (;;) {
    const reply = await callControl(socket, name, flags);
    if (reply) return reply;
    const holder = await embeddedDatabaseHolder(config.dataDir);
    if (holder === null) return null;
    if (realTime() > deadline) throw new EmbeddedDatabaseInUse(holder, config.dataDir);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

for (const [name, admin] of Object.entries(adminCommands)) {
  commands[name] = { ...admin, run: (flags, config) => runAdmin(name, flags, config) };
}

/** Command groups (`keys`): the first word of commands named with two. */
const groups = new Set(
  Object.keys(commands)
    .filter((n) => n.includes(' '))
    .map((n) => n.split(' ')[0]),
);

function list(names: string[]): string {
  const width = Math.max(...names.map((c) => c.length));
  return names.map((name) => `  ${name.padEnd(width)}  ${commands[name]!.summary}`).join('\n');
}

function help(): string {
  return [
    'argus — the Argus Integrations service',
    '',
    'Usage: argus <command> [options]    (argus <command> --help for details)',
    '       argus --version',
    '',
    list(Object.keys(commands)),
  ].join('\n');
}

function groupHelp(group: string): string {
  return [
    `Usage: argus ${group} <command> [options]`,
    '',
    list(Object.keys(commands).filter((n) => n.startsWith(`${group} `))),
  ].join('\n');
}

function commandHelp(name: string): string {
  const command = commands[name]!; // resolve() and help only pass known names
  const [synopsis, ...details] = command.usage.split('\n');
  return [command.summary, '', `Usage: ${synopsis}`, ...details, '', 'Options:', describeOptions(command.options)].join(
    '\n',
  );
}

/** Which command argv names, and the arguments left for its options. */
function resolve(argv: string[]): { name: string; rest: string[] } | { problem: string } | { help: string } {
  const [first, second, ...more] = argv;
  // No command, or options only: `argus`, `argus --no-workers` serve.
  if (first === undefined || first.startsWith('-')) return { name: 'serve', rest: argv };
  if (first === 'help') {
    const topic = argv.slice(1).join(' ');
    if (!topic) return { help: help() };
    if (commands[topic]) return { help: commandHelp(topic) };
    if (groups.has(topic)) return { help: groupHelp(topic) };
    return { problem: `unknown command "${topic}"` };
  }
  if (groups.has(first)) {
    if (second === '--help' || second === '-h') return { help: groupHelp(first) };
    if (second === undefined || second.startsWith('-'))
      return { problem: `${first} needs a command\n\n${groupHelp(first)}` };
    const name = `${first} ${second}`;
    return commands[name] ? { name, rest: more } : { problem: `unknown command "${name}"\n\n${groupHelp(first)}` };
  }
  return commands[first]
    ? { name: first, rest: argv.slice(1) }
    : { problem: `unknown command "${first}"\n\n${help()}` };
}

export async function runCli(argv: string[]): Promise<number | 'running'> {
  if (argv[0] === '--help' || argv[0] === '-h') {
    console.log(help());
    return 0;
  }
  if (argv[0] === '--version') {
    if (argv.length > 1) {
      console.error('argus: --version takes nothing else');
      return 2;
    }
    console.log(`argus ${packageJson.version}`);
    return 0;
  }
  const resolved = resolve(argv);
  if ('help' in resolved) {
    console.log(resolved.help);
    return 0;
  }
  if ('problem' in resolved) {
    console.error(`argus: ${resolved.problem}`);
    return 2;
  }
  const { name, rest } = resolved;
  const command = commands[name]!; // resolve() and help only pass known names
  let flags: Flags;
  try {
    flags = parseFlags(rest, command.options);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(
      `argus ${name}: ${error.message}\nSee "argus ${name} --help"${name === 'serve' ? '; settings are environment variables (PORT, HOST, …: docs/operating.md, Configuration)' : ''}.`,
    );
    return 2;
  }
  if (flags.help) {
    console.log(commandHelp(name));
    return 0;
  }
  try {
    return await command.run(flags, loadConfig());
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof MigrationError) {
      console.error(`argus ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof ApiError) {
      console.error(`argus ${name}: ${error.description}`);
      return 1;
    }
    if (error instanceof EmbeddedDatabaseInUse || error instanceof BundleError) {
      console.error(`argus ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) {
  ensureProcessEnvironment();
  runCli(process.argv.slice(2)).then(
    (code) => {
      if (code !== 'running') process.exit(code);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
