// The OpenAPI document of this checkout's routes, built in-process on a scratch embedded
// database (what /api/docs serves, for a server whose PUBLIC_URL is http://localhost:3000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { startService } from '../../src/main.ts';
import { silentLogger } from '../../src/log.ts';
import type { OpenAPI3 } from 'openapi-typescript';

export async function openApiDocument(): Promise<OpenAPI3> {
  const dataDir = mkdtempSync(join(tmpdir(), 'argus-client-'));
  const config = loadConfig({ DATA_DIR: dataDir, MASTER_KEY: 'Z2VuZXJhdGUtdGhlLWNsaWVudC1vbmx5LTMyLWJ5dGU=' }, false);
  const service = await startService(config, { http: false, workers: false, log: silentLogger });
  try {
    return (await (await service.handle(new Request('http://localhost/api/docs'))).json()) as OpenAPI3;
  } finally {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
