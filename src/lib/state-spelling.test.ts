// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { rejectsStateChoice, spellingOf, spellingOfBody, spellState } from './state-spelling';

describe('state spelling (contract-lifecycle E7)', () => {
  it('spells each state both ways and passes unknown values through', () => {
    expect(spellState('UPDATE_SCHEDULED', 'legacy')).toBe('Update Scheduled');
    expect(spellState('ERRED', 'legacy')).toBe('Erred');
    expect(spellState('OK', 'legacy')).toBe('OK');
    expect(spellState('Update Scheduled', 'current')).toBe('UPDATE_SCHEDULED');
    expect(spellState('ERRED', 'current')).toBe('ERRED');
    expect(spellState('MIGRATING', 'legacy')).toBe('MIGRATING');
    expect(spellState('Migrating', 'current')).toBe('Migrating');
  });

  it('tells the spelling from a state, except OK and values it does not know', () => {
    expect(spellingOf('Erred')).toBe('legacy');
    expect(spellingOf('Creation Scheduled')).toBe('legacy');
    expect(spellingOf('CREATING')).toBe('current');
    expect(spellingOf('OK')).toBeNull();
    expect(spellingOf('erred')).toBeNull();
    expect(spellingOf(3)).toBeNull();
    expect(spellingOf({})).toBeNull();
    expect(spellingOf('toString')).toBeNull();
  });

  it('reads the spelling from the first item of a body that gives it away', () => {
    expect(spellingOfBody([{ state: 'OK' }, null, 'x', { state: 'Erred' }])).toBe('legacy');
    expect(spellingOfBody({ state: 'DELETING' })).toBe('current');
    expect(spellingOfBody([{ state: 'OK' }, { name: 'no state' }])).toBeNull();
    expect(spellingOfBody(undefined)).toBeNull();
  });

  it('recognises only the 400 that rejects a state choice, in any language', () => {
    const sent = ['ERRED'];
    expect(
      rejectsStateChoice(
        { state: ['Select a valid choice. ERRED is not one of the available choices.'] },
        sent,
      ),
    ).toBe(true);
    // Django translates the sentence (Accept-Language), never the value it names.
    expect(
      rejectsStateChoice(
        { state: ['Wählen Sie eine gültige Option. ERRED ist keine der verfügbaren Optionen.'] },
        sent,
      ),
    ).toBe(true);
    expect(rejectsStateChoice({ state: ['This field is required.'] }, sent)).toBe(false);
    expect(
      rejectsStateChoice(
        { name: ['Select a valid choice. ERRED is not one of the available choices.'] },
        sent,
      ),
    ).toBe(false);
    expect(rejectsStateChoice({ state: 'ERRED' }, sent)).toBe(false);
    expect(rejectsStateChoice('ERRED', sent)).toBe(false);
    expect(rejectsStateChoice(null, sent)).toBe(false);
    expect(rejectsStateChoice(undefined, sent)).toBe(false);
    expect(
      rejectsStateChoice(
        {
          state: [
            3,
            'Required.',
            'Select a valid choice. ERRED is not one of the available choices.',
          ],
        },
        sent,
      ),
    ).toBe(true);
  });
});
