// Refreshes test/fixtures/contract/ from a copy of the published contract, after the drift test
// reported a change and docs/contract.md and the tests have been brought in line with it:
//   bun test/contract/write-fixture.ts <folder holding the contract's 000_* and 001_* documents>
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR, fixtureFileName } from '../support/contract-fixture.ts';
import { readPublishedContract } from './published.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: bun test/contract/write-fixture.ts <folder of the published contract>');
  process.exit(2);
}
const documents = readPublishedContract(dir);
for (const file of readdirSync(FIXTURE_DIR)) if (file.endsWith('.json')) rmSync(join(FIXTURE_DIR, file));
for (const doc of documents) {
  writeFileSync(join(FIXTURE_DIR, fixtureFileName(doc)), `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`${fixtureFileName(doc)}: ${doc.entries.length} entries`);
}
