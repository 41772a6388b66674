// The mutation run's setup (vitest.mutation.config.ts): only what its unit tests need. The full
// setup (test/setup.ts: the demo backend behind MSW, the schema check, the console-error check)
// costs over a second per test file, and Stryker runs the covering files once per mutant; the
// tests that talk HTTP import test/setup.ts themselves, and so still get it.
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

if (typeof window !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => {
    cleanup();
    localStorage.clear();
    sessionStorage.clear();
  });
}
