import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../scripts/deployment';

describe('the deployment’s Content-Security-Policy', () => {
  it('is, word for word, the one the README’s nginx example sends (what the browser tests serve)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const sent = /add_header Content-Security-Policy "([^"]+)" always;/.exec(readme)?.[1];
    expect(sent).toBe(contentSecurityPolicy());
  });

  it('names Waldur in connect-src only when it is another origin, and never allows inline code', () => {
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
    expect(contentSecurityPolicy('https://waldur.example.com')).toContain(
      "connect-src 'self' https://waldur.example.com;",
    );
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(contentSecurityPolicy()).toContain("frame-ancestors 'none'");
  });
});
