// Commands that act on a running service's data: bootstrap, token, keys. The CLI runs them
// in-process, or, when `argus serve` holds the embedded database, through its control socket.
import { stringFlag, UsageError, type ParsedArgs } from './args.ts';
import { mintAdminToken, type Services } from './services.ts';

export interface AdminResult { json: unknown; text: string }

export interface AdminCommand {
  summary: string;
  usage: string;
  run(services: Services, args: ParsedArgs): Promise<AdminResult>;
}

export const adminCommands: Record<string, AdminCommand> = {
  bootstrap: {
    summary: 'Create a tenant and its first administrator; prints an admin access token.',
    usage: `argus bootstrap --tenant NAME --admin-email EMAIL [--admin-password P] [--json]

Without --admin-password one is generated and printed once. The admin access token is
short-lived (ADMIN_TOKEN_TTL_SECONDS); mint another with argus token.`,
    async run(services, args) {
      const name = stringFlag(args, 'tenant', true);
      const email = stringFlag(args, 'admin-email', true);
      const password = stringFlag(args, 'admin-password');
      const created = await services.tenants.createTenant({ name, adminEmail: email, adminPassword: password });
      const token = await mintAdminToken(services, created.tenantId, created.adminUserId);
      const json = {
        tenant_id: created.tenantId,
        admin_user_id: created.adminUserId,
        admin_email: email,
        ...(created.adminPassword ? { admin_password: created.adminPassword } : {}),
        admin_access_token: token.token,
        expires_at: token.expiresAt.toISOString(),
      };
      const text = [
        `tenant ${name}: ${created.tenantId}`,
        `admin ${email}${created.adminPassword ? ` (password, shown once: ${created.adminPassword})` : ''}`,
        `admin access token (until ${json.expires_at}):`,
        token.token,
      ].join('\n');
      return { json, text };
    },
  },
  token: {
    summary: 'Mint a short-lived access token for a tenant administrator.',
    usage: 'argus token --tenant NAME|ten_… --admin [--email EMAIL] [--json]\n\nWithout --email, the first administrator of the tenant.',
    async run(services, args) {
      const tenantRef = stringFlag(args, 'tenant', true);
      if (args.flags.admin === undefined) throw new UsageError('only --admin tokens can be minted here; apps get theirs from /v1/oauth/token');
      const email = stringFlag(args, 'email');
      const tenant = tenantRef.startsWith('ten_') ? await services.tenants.tenant(tenantRef) : await services.tenants.tenantByName(tenantRef);
      if (!tenant) throw new UsageError(`no tenant "${tenantRef}"`);
      const admin = email ? await services.tenants.adminByEmail(tenant.id, email) : await services.tenants.firstAdmin(tenant.id);
      if (!admin) throw new UsageError(email ? `${email} is not an administrator of ${tenant.name}` : `tenant ${tenant.name} has no administrator`);
      const token = await mintAdminToken(services, tenant.id, admin.id);
      return {
        json: { tenant_id: tenant.id, admin_user_id: admin.id, admin_access_token: token.token, expires_at: token.expiresAt.toISOString() },
        text: token.token,
      };
    },
  },
  keys: {
    summary: 'Signing keys: list them, or rotate (next → active → retiring → retired).',
    usage: 'argus keys list|rotate [--json]',
    async run(services, args) {
      const action = args.positional[0] ?? 'list';
      if (action === 'rotate') {
        const r = await services.keys.rotate();
        return { json: r, text: `activated ${r.activated.join(', ')}; retiring ${r.retiring.join(', ') || 'none'}; next ${r.next.join(', ')}` };
      }
      if (action === 'list') {
        const keys = await services.keys.list();
        return { json: { keys }, text: keys.map((k) => `${k.kid}  ${k.alg}  ${k.state.padEnd(8)}  ${k.created_at}`).join('\n') };
      }
      throw new UsageError(`unknown keys action "${action}"; use list or rotate`);
    },
  },
};
