import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, loadsWithoutWords, violation } from '../../scripts/check-imports';

const src = (path: string) => resolve('src', path);

describe('the import check', () => {
  it('finds a cycle through several files, and a file importing itself', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    const found = cycles(graph).map((cycle) => [...cycle].sort());
    expect(found).toEqual(expect.arrayContaining([['a', 'b', 'c'], ['e']]));
    expect(found).toHaveLength(2);
  });

  it('finds none in a graph without one', () => {
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('lets a feature folder import the ones before it, and not those after', () => {
    const f = (layer: string) => src(`features/volumes/${layer}/x.ts`);
    expect(violation(f('api'), f('model'))).toBeNull();
    expect(violation(f('pages'), f('dialogs'))).toBeNull();
    expect(violation(f('api'), f('api'))).toBeNull();
    expect(violation(f('model'), f('api'))).toMatch(/model\/ may not import api\//);
    expect(violation(f('components'), f('dialogs'))).toMatch(/comes later/);
    expect(violation(f('state'), f('hooks'))).toMatch(/comes later/);
  });

  it('keeps features apart, and lib and components below them', () => {
    expect(violation(src('features/a/model/x.ts'), src('features/b/model/y.ts'))).toMatch(
      /features do not import each other/,
    );
    expect(violation(src('lib/x.ts'), src('features/volumes/model/y.ts'))).toMatch(
      /lib\/ may not import features\//,
    );
    expect(violation(src('components/x.tsx'), src('lib/y.ts'))).toBeNull();
    expect(violation(src('app/x.tsx'), src('mocks/y.ts'))).toMatch(/app\/ may not import mocks\//);
    expect(violation(src('main.tsx'), src('mocks/y.ts'))).toBeNull();
  });

  it('lets tests use anything', () => {
    expect(violation(src('features/volumes/model/x.test.ts'), src('mocks/y.ts'))).toBeNull();
  });
});

describe('loads on demand', () => {
  it('must wait for their words, but for the first screen’s own code', () => {
    const source = `
      const a = () => withWords(import('./dialog'));
      const b = lazy(() => withWords(
        import('./page')).then((m) => m));
      const c = () => import('./panel');
      // import('./in-a-comment')
    `;
    expect(loadsWithoutWords('features/volumes/components/x.tsx', source)).toEqual(['./panel']);
    expect(
      loadsWithoutWords('app/page-code.ts', "import('@/features/volumes/pages/volume-list-page')"),
    ).toEqual([]);
    expect(loadsWithoutWords('app/page-code.ts', "import('./other')")).toEqual(['./other']);
    expect(loadsWithoutWords('lib/x.test.ts', "import('./y')")).toEqual([]);
  });
});
