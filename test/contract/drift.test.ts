// The fixture against the published contract, when a copy of it sits beside the checkout (as it
// does in CI). Without one both tests are skipped and say why: a clone on its own must pass.
import { describe, expect, test } from 'bun:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { contractDocuments } from '../support/contract-fixture.ts';
import { readPublishedContract } from './published.ts';

const PUBLISHED = join(import.meta.dir, '../../../shared/seeds'); // beside the checkout's root
const present = existsSync(PUBLISHED);
if (!present)
  console.log(`contract drift: skipped, no copy of the published contract beside the checkout (${PUBLISHED})`);

const REFRESH = 'bring docs/contract.md and the tests in line, then run bun test/contract/write-fixture.ts <the copy>';

describe('the fixture against the published contract', () => {
  test.skipIf(!present)('the same documents, sections, routes, examples and documented responses', () => {
    const published = readPublishedContract(PUBLISHED).map(({ sha256: _, ...doc }) => doc);
    const fixture = contractDocuments().map(({ sha256: _, ...doc }) => doc);
    expect(published, `the published contract changed: ${REFRESH}`).toEqual(fixture);
  });

  test.skipIf(!present)('the same text, word for word, as docs/contract.md was written from', () => {
    const digests = (docs: { document: string; sha256: string }[]) => docs.map((d) => `${d.document} ${d.sha256}`);
    expect(digests(readPublishedContract(PUBLISHED)), `the published contract's text changed: ${REFRESH}`).toEqual(
      digests(contractDocuments()),
    );
  });
});
