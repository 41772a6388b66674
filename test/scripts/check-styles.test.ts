import { describe, expect, it } from 'vitest';
import { declarations, overridesAcrossFiles } from '../../scripts/check-styles';

describe('the styles check', () => {
  it('reads the declarations of a stylesheet, in and out of at-rules, selector lists split', () => {
    const css = `
      /* .commented { color: red } */
      .a, .b  .c { color: red; margin: 0 }
      @media (max-width: 600px) { .a { width: 1px; --token: 2px } }
      @keyframes pulse { from { opacity: 0 } 50% { opacity: 1 } }
    `;
    expect(declarations(css)).toEqual([
      { selector: '.a', property: 'color' },
      { selector: '.a', property: 'margin' },
      { selector: '.b .c', property: 'color' },
      { selector: '.b .c', property: 'margin' },
      { selector: '.a', property: 'width' },
    ]);
  });

  it('finds a phone rule in one file for a selector styled in a file loaded on demand', () => {
    expect(
      overridesAcrossFiles({
        'styles/phone.css': '@media (max-width: 600px) { .dialog { width: 100vw } }',
        'components/dialog.css': '.dialog { width: 34rem; padding: 0 }',
      }),
    ).toEqual(['.dialog { width }: components/dialog.css, styles/phone.css']);
  });

  it('accepts overrides in the same file, and between the stylesheets every page loads in order', () => {
    expect(
      overridesAcrossFiles({
        'components/dialog.css':
          '.dialog { width: 34rem } @media (max-width: 600px) { .dialog { width: 100vw } }',
        'app/layout.css': '.page { padding: 2rem }',
        'styles/phone.css': '@media (max-width: 600px) { .page { padding: 1rem } }',
        'features/list.css': '.page-list { padding: 0 }',
      }),
    ).toEqual([]);
  });

  it('does not take a different property, or a different selector, for an override', () => {
    expect(
      overridesAcrossFiles({
        'a.css': '.x { color: red } .y { margin: 0 }',
        'b.css': '.x { margin: 0 } .y.z { margin: 1px }',
      }),
    ).toEqual([]);
  });
});
