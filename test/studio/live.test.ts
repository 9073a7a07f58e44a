// What the studio's live views show of values that could carry secrets: webhook URLs,
// receivers' response bodies and authorization session ids.
import { describe, expect, test } from 'bun:test';
import { displayUrl, redactBody, sessionRef } from '../../src/studio/redaction.ts';
import { signatureHeader } from '../../src/webhooks/signing.ts';

describe('studio redaction', () => {
  test('a webhook URL loses its credentials, query values and token-like path segments', () => {
    expect(
      displayUrl('https://user:pw@hooks.example.com/services/T0001/B0002/XyZ123abcDEF456ghi?token=s3cr3t&v=1'),
    ).toBe('https://hooks.example.com/services/T0001/B0002/…?token=…&v=…');
    expect(displayUrl('http://127.0.0.1:8080/hooks/argus')).toBe('http://127.0.0.1:8080/hooks/argus');
    expect(displayUrl('not a url')).toBe('(unreadable URL)');
  });

  test('a receiver that echoes our signature or a secret does not put it on the page', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const signature = await signatureHeader([secret], 'evt_1', 1_700_000_000, '{"a":1}');
    const shown = redactBody(`you sent webhook-signature: ${signature} (signed with ${secret})`)!;
    expect(shown).not.toContain(signature.slice(3));
    expect(shown).not.toContain(secret);
    expect(shown).toContain('v1,(redacted)');
    expect(redactBody('ok')).toBe('ok');
    expect(redactBody(null)).toBeNull();
  });

  test('an authorization session is named by the start of its id only', () => {
    expect(sessionRef('ses_abcdefghijklmnop')).toBe('ses_abcd…');
  });
});
