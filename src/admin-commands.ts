// Commands that act on a running service's data: bootstrap, token, keys. The CLI runs them
// in-process, or, when `argus serve` holds the embedded database, through its control socket.
import { reseal } from './crypto/master-key.ts';
import { stringFlag, UsageError, type Flags, type OptionSpecs } from './args.ts';
import { mintAdminToken, type Services } from './services.ts';
import { ApiError, apiError } from './errors.ts';

export interface AdminResult {
  json: unknown;
  text: string;
}

export interface AdminCommand {
  summary: string;
  /** The synopsis, then what help adds below it. */
  usage: string;
  options: OptionSpecs;
  run(services: Services, flags: Flags): Promise<AdminResult>;
}

const JSON_OPTION = {
  json: { type: 'boolean', description: 'print the result as JSON' },
} as const satisfies OptionSpecs;

/** The tenant named by --tenant (a name or ten_…) and its administrator (--email, default the first). */
async function tenantAdmin(services: Services, flags: Flags) {
  const tenantRef = stringFlag(flags, 'tenant', true);
  const email = stringFlag(flags, 'email');
  const tenant = tenantRef.startsWith('ten_')
    ? await services.tenants.tenant(tenantRef)
    : await services.tenants.tenantByName(tenantRef);
  if (!tenant) throw new UsageError(`no tenant "${tenantRef}"`);
  const admin = email
    ? await services.tenants.adminByEmail(tenant.id, email)
    : await services.tenants.firstAdmin(tenant.id);
  if (!admin)
    throw new UsageError(
      email ? `${email} is not an administrator of ${tenant.name}` : `tenant ${tenant.name} has no administrator`,
    );
  return { tenant, admin };
}

export const adminCommands: Record<string, AdminCommand> = {
  bootstrap: {
    summary: 'Create a tenant and its first administrator; prints an admin access token.',
    usage: `argus bootstrap --tenant NAME --admin-email EMAIL [--admin-password P] [--json]

Without --admin-password one is generated and printed once. The admin access token is
short-lived (ADMIN_TOKEN_TTL_SECONDS); mint another with argus token. A tenant name is
taken once: to start again from nothing on the embedded database, stop the server and
remove DATA_DIR (default ./.data).`,
    options: {
      tenant: { type: 'string', value: 'NAME', required: true, description: "the tenant's name (unique)" },
      'admin-email': { type: 'string', value: 'EMAIL', required: true, description: "the first administrator's email" },
      'admin-password': {
        type: 'string',
        value: 'P',
        description: 'their password (default: generated, printed once)',
      },
      ...JSON_OPTION,
    },
    async run(services, flags) {
      const name = stringFlag(flags, 'tenant', true);
      const email = stringFlag(flags, 'admin-email', true);
      const password = stringFlag(flags, 'admin-password');
      const created = await services.tenants
        .createTenant({ name, adminEmail: email, adminPassword: password })
        .catch((error: unknown) => {
          // Run twice (an onboarding pasted again): say what to do instead.
          if (error instanceof ApiError && error.status === 409) {
            throw apiError(
              error.code,
              `${error.description}: \`argus token --tenant ${JSON.stringify(name)} --admin\` mints a token for it; to start from nothing on the embedded database, stop the server and remove DATA_DIR (default ./.data)`,
            );
          }
          throw error;
        });
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
    usage:
      'argus token --tenant NAME|ten_… --admin [--email EMAIL] [--json]\n\nWithout --email, the first administrator of the tenant.',
    options: {
      tenant: { type: 'string', value: 'NAME|ten_…', required: true, description: "the tenant's name or id" },
      admin: {
        type: 'boolean',
        required: true,
        description: "an administrator's token (the only kind minted here; apps get theirs from /v1/oauth/token)",
      },
      email: { type: 'string', value: 'EMAIL', description: 'which administrator (default: the first)' },
      ...JSON_OPTION,
    },
    async run(services, flags) {
      const { tenant, admin } = await tenantAdmin(services, flags);
      const token = await mintAdminToken(services, tenant.id, admin.id);
      return {
        json: {
          tenant_id: tenant.id,
          admin_user_id: admin.id,
          admin_access_token: token.token,
          expires_at: token.expiresAt.toISOString(),
        },
        text: token.token,
      };
    },
  },
  'portal-link': {
    summary: "Mint a single-use link to an app's portal, for the app's owners.",
    usage: `argus portal-link --tenant NAME|ten_… --app app_… [--email EMAIL] [--json]

The link opens the app's portal (its webhooks, deliveries, retries, test sends, secret
rotation and event types) once, within a few minutes; hand it to the app's owners. It is
minted as an administrator of the tenant (--email, default the first).`,
    options: {
      tenant: { type: 'string', value: 'NAME|ten_…', required: true, description: "the tenant's name or id" },
      app: { type: 'string', value: 'app_…', required: true, description: "the app's client_id" },
      email: { type: 'string', value: 'EMAIL', description: 'which administrator mints it (default: the first)' },
      ...JSON_OPTION,
    },
    async run(services, flags) {
      const { tenant, admin } = await tenantAdmin(services, flags);
      const link = await services.portal.mintLink(
        { tenantId: tenant.id, subject: admin.id },
        stringFlag(flags, 'app', true),
      );
      return { json: link, text: link.url };
    },
  },
  'keys list': {
    summary: 'List the signing keys and where each is in its lifecycle.',
    usage:
      'argus keys list [--json]\n\nEach key: kid, algorithm, state (next, active, retiring, retired), creation time.',
    options: JSON_OPTION,
    async run(services) {
      const keys = await services.keys.list();
      return {
        json: { keys },
        text: keys.map((k) => `${k.kid}  ${k.alg}  ${k.state.padEnd(8)}  ${k.created_at}`).join('\n'),
      };
    },
  },
  'keys rotate': {
    summary: 'Rotate the signing keys: next → active → retiring → retired.',
    usage:
      'argus keys rotate [--json]\n\nThe next key starts signing, the active one retires (published until its tokens expire),\nand a new next key is published for verifiers to cache.',
    options: JSON_OPTION,
    async run(services) {
      const r = await services.keys.rotate();
      return {
        json: r,
        text: `activated ${r.activated.join(', ')}; retiring ${r.retiring.join(', ') || 'none'}; next ${r.next.join(', ')}`,
      };
    },
  },
  'master-key reseal': {
    summary: 'Seal every stored secret under MASTER_KEY (after a change of master key).',
    usage:
      'argus master-key reseal [--json]\n\nRun with MASTER_KEY set to the new key and MASTER_KEY_PREVIOUS to the old one: signing keys and\nwebhook secrets are opened with either and sealed with the new key, in one transaction, and\nthe database then knows the new key. Afterwards, remove MASTER_KEY_PREVIOUS everywhere.',
    options: JSON_OPTION,
    async run(services) {
      const r = await reseal(services.db, services.box);
      return {
        json: r,
        text: `sealed ${r.signing_keys} signing keys and ${r.webhook_secrets} webhook secrets under the key ${r.fingerprint.slice(0, 8)}…`,
      };
    },
  },
};
