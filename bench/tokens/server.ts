// One Argus HTTP process for bench/tokens.ts: the service's own composition (config from the
// environment, the same route plugins as `argus serve`), listening with SO_REUSEPORT so
// several processes share one port and the kernel spreads connections between them.
import { loadConfig } from '../../src/config.ts';
import { openServices } from '../../src/main.ts';
import { createHttpApp } from '../../src/http/app.ts';
import { routePlugins } from '../../src/routes.ts';
import { silentLogger } from '../../src/log.ts';

const config = loadConfig(process.env);
const services = await openServices(config, { log: silentLogger });
const { handle } = createHttpApp(
  {
    log: silentLogger,
    metrics: services.metrics,
    maxBodyBytes: config.maxBodyBytes,
    maxJsonDepth: config.maxJsonDepth,
  },
  routePlugins(services),
);
const server = Bun.serve({
  port: config.port,
  hostname: config.host,
  reusePort: true,
  fetch: (request, srv) => handle(request, { remoteAddress: srv.requestIP(request)?.address ?? 'unknown' }),
});
process.on('SIGTERM', async () => {
  await server.stop(true);
  await services.close();
  process.exit(0);
});
console.log('ready');
