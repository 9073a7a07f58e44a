// The fixture against the published contract, when PUBLISHED_CONTRACT_DIR names a copy of it (the
// folder holding its documents). Without one both tests are skipped and say how to run them: a
// clone on its own must pass, and reads nothing outside itself.
import { describe, expect, test } from 'bun:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { contractDocuments } from '../support/contract-fixture.ts';
import { readPublishedContract } from './published.ts';

const PUBLISHED = process.env.PUBLISHED_CONTRACT_DIR ?? '';
const present = PUBLISHED !== '' && existsSync(join(PUBLISHED));
if (!present)
  console.log(
    PUBLISHED
      ? `contract drift: skipped, PUBLISHED_CONTRACT_DIR (${PUBLISHED}) does not exist`
      : 'contract drift: skipped; to compare docs/contract.md with a copy of the published contract, run PUBLISHED_CONTRACT_DIR=<its folder> npm test -- test/contract/drift.test.ts',
  );

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
