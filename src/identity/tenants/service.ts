import type { Db } from '../../db/index.ts';
import { DEFAULT_ITERATIONS, hashPassword, verifyPassword } from '../../crypto/password.ts';
import { newId, randomToken } from '../../ids.ts';
import { conflict, invalidRequest } from '../../errors.ts';
import { ALL_SCOPES } from '../scopes.ts';
import { tenantStore, type TenantRow, type UserRow } from './store.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Burns the same time as a real check when the user does not exist.
const DECOY_HASH = `pbkdf2_sha256$${DEFAULT_ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

export class TenantService {
  constructor(private readonly db: Db) {}

  /** Creates a tenant and its first admin. The password is generated when not given. */
  async createTenant(input: { name: string; adminEmail: string; adminPassword?: string; approvedScopes?: string[] }) {
    const name = input.name.trim();
    if (!name || name.length > 200) throw invalidRequest('tenant name must be 1 to 200 characters');
    if (!EMAIL.test(input.adminEmail)) throw invalidRequest('admin email is not a valid address');
    if (input.adminPassword !== undefined && input.adminPassword.length < 12)
      throw invalidRequest('admin password must be at least 12 characters');
    const approved = input.approvedScopes ?? ALL_SCOPES;
    const unknown = approved.filter((s) => !ALL_SCOPES.includes(s));
    if (unknown.length) throw invalidRequest(`unknown scope(s): ${unknown.join(', ')}`);
    const password = input.adminPassword ?? randomToken(20);
    const passwordHash = await hashPassword(password);
    const tenantId = newId('ten');
    const userId = newId('usr');
    await this.db.transaction(async (tx) => {
      if (await tenantStore.tenantByName(tx, name)) throw conflict(`a tenant named "${name}" already exists`);
      await tenantStore.insertTenant(tx, { id: tenantId, name, approvedScopes: approved });
      await tenantStore.insertUser(tx, { id: userId, tenantId, email: input.adminEmail, passwordHash, role: 'admin' });
    });
    return { tenantId, adminUserId: userId, adminPassword: input.adminPassword === undefined ? password : null };
  }

  async addUser(tenantId: string, input: { email: string; password: string; role: 'admin' | 'member' }) {
    if (!EMAIL.test(input.email)) throw invalidRequest('email is not a valid address');
    if (input.password.length < 12) throw invalidRequest('password must be at least 12 characters');
    const id = newId('usr');
    await tenantStore.insertUser(this.db, {
      id,
      tenantId,
      email: input.email,
      passwordHash: await hashPassword(input.password),
      role: input.role,
    });
    return id;
  }

  async any(): Promise<boolean> {
    return tenantStore.any(this.db);
  }

  tenant(id: string): Promise<TenantRow | null> {
    return tenantStore.tenantById(this.db, id);
  }

  tenantByName(name: string): Promise<TenantRow | null> {
    return tenantStore.tenantByName(this.db, name);
  }

  user(tenantId: string, id: string): Promise<UserRow | null> {
    return tenantStore.userById(this.db, tenantId, id);
  }

  adminByEmail(tenantId: string, email: string): Promise<UserRow | null> {
    return tenantStore.userByEmail(this.db, tenantId, email).then((u) => (u?.role === 'admin' ? u : null));
  }

  firstAdmin(tenantId: string): Promise<UserRow | null> {
    return tenantStore.firstAdmin(this.db, tenantId);
  }

  /** The user, when the password matches; null otherwise (same work either way). */
  async authenticate(tenantId: string, email: string, password: string): Promise<UserRow | null> {
    const user = await tenantStore.userByEmail(this.db, tenantId, email);
    const ok = await verifyPassword(password, user?.password_hash ?? DECOY_HASH);
    return ok && user ? user : null;
  }
}
