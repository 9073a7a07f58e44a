// The local control socket: `argus serve` on the embedded database listens on
// DATA_DIR/argus.sock (mode 0600) so `argus bootstrap`, `argus token` and `argus keys` can act
// on the database the server holds. Filesystem permissions are its authentication; it is
// never exposed on the HTTP port.
import { join } from 'node:path';
import { serveUnix } from './platform.ts';
import { UsageError, type Flags } from './args.ts';
import { ApiError } from './errors.ts';
import { adminCommands, type AdminResult } from './admin-commands.ts';
import type { Services } from './services.ts';

export const controlSocketPath = (dataDir: string) => join(dataDir, 'argus.sock');

type Reply = { ok: true; result: AdminResult } | { ok: false; usage: boolean; message: string };

export function startControlSocket(services: Services, path: string) {
  return serveUnix(async (request) => {
    const { command, flags } = (await request.json()) as { command: string; flags: Flags };
    const cmd = adminCommands[command];
    let reply: Reply;
    try {
      if (!cmd) throw new UsageError(`unknown command "${command}"`);
      reply = { ok: true, result: await cmd.run(services, flags) };
    } catch (error) {
      if (error instanceof UsageError) reply = { ok: false, usage: true, message: error.message };
      else if (error instanceof ApiError) reply = { ok: false, usage: false, message: error.description };
      else {
        services.log.error('control command failed', { command, error });
        reply = { ok: false, usage: false, message: 'the command failed; see the server log' };
      }
    }
    return Response.json(reply);
  }, path);
}

/** The server's answer, or null when no server is listening on the socket. */
export async function callControl(path: string, command: string, flags: Flags): Promise<Reply | null> {
  try {
    const res = await fetch('http://localhost/control', {
      method: 'POST',
      body: JSON.stringify({ command, flags }),
      headers: { 'content-type': 'application/json' },
      unix: path,
    } as RequestInit & { unix: string });
    return (await res.json()) as Reply;
  } catch {
    return null; // nothing listening (no server, or a stale socket file)
  }
}
