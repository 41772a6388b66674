// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  activityLabel,
  isInProgress,
  isRuntimeTransitional,
  isSettledState,
  needsRefresh,
  normalizeState,
  runtimeStateLabel,
  runtimeTone,
  stateLabel,
  stateTone,
  TRANSITIONAL_STATES,
} from './states';

describe('states', () => {
  it('the transitional states are every state but OK and ERRED, in order', () => {
    expect(TRANSITIONAL_STATES.join(' → ')).toBe(
      'CREATION_SCHEDULED → CREATING → UPDATE_SCHEDULED → UPDATING → DELETION_SCHEDULED → DELETING',
    );
  });

  it('normalizes the old spelling and keeps what it does not know', () => {
    expect(normalizeState('Erred')).toBe('ERRED');
    expect(normalizeState(' Update Scheduled ')).toBe('UPDATE_SCHEDULED');
    expect(normalizeState('creation scheduled')).toBe('CREATION_SCHEDULED');
    expect(normalizeState('OK')).toBe('OK');
    expect(normalizeState('Migrating')).toBe('Migrating');
  });

  it('labels states, the unknown ones as they come', () => {
    expect(stateLabel('UPDATE_SCHEDULED')).toBe('Update scheduled');
    expect(stateLabel('ERRED')).toBe('Erred');
    expect(stateLabel('MIGRATING')).toBe('MIGRATING');
    expect(stateLabel('')).toBe('Unknown');
    expect(stateLabel(null)).toBe('Unknown');
    expect(stateLabel(undefined)).toBe('Unknown');
  });

  it('labels Cinder statuses for people', () => {
    expect(runtimeStateLabel(undefined)).toBe('—');
    expect(runtimeStateLabel(null)).toBe('—');
    expect(runtimeStateLabel('')).toBe('Not created');
    expect(runtimeStateLabel('in-use')).toBe('In use');
    expect(runtimeStateLabel('error_extending')).toBe('Error extending');
    expect(runtimeStateLabel('backing-up')).toBe('Backing up');
    expect(runtimeStateLabel('error__odd--state')).toBe('Error odd state');
    expect(runtimeStateLabel('available')).toBe('Available');
  });

  it('settled means OK or ERRED only', () => {
    expect(isSettledState('OK')).toBe(true);
    expect(isSettledState('ERRED')).toBe(true);
    expect(isSettledState('UPDATING')).toBe(false);
    expect(isSettledState(undefined)).toBe(false);
    expect(isSettledState(null)).toBe(false);
  });

  it('in progress: a state other than OK and ERRED, whatever its leftover action (E3)', () => {
    expect(isInProgress({ state: 'UPDATING' })).toBe(true);
    expect(isInProgress({ state: 'MIGRATING' })).toBe(true);
    expect(isInProgress({ state: 'OK', action: 'Attach' })).toBe(false);
    expect(isInProgress({ state: 'ERRED', action: 'Extend' })).toBe(false);
    expect(isInProgress({})).toBe(false);
    expect(isInProgress({ state: null })).toBe(false);
  });

  it('worth refreshing: in progress, or Cinder in a transitional status', () => {
    expect(needsRefresh({ state: 'OK', runtime_state: 'attaching' })).toBe(true);
    expect(needsRefresh({ state: 'UPDATING', runtime_state: 'available' })).toBe(true);
    expect(needsRefresh({ state: 'OK', runtime_state: 'available' })).toBe(false);
    expect(needsRefresh({ state: 'OK', runtime_state: 'error_extending' })).toBe(false);
    expect(needsRefresh({ state: 'OK' })).toBe(false);
    expect(isRuntimeTransitional('')).toBe(false);
    expect(isRuntimeTransitional('deleted')).toBe(false);
    expect(isRuntimeTransitional('downloading')).toBe(true);
    expect(isRuntimeTransitional(null)).toBe(false);
    expect(isRuntimeTransitional(undefined)).toBe(false);
  });

  it('says what runs: a verb for a known action, the state otherwise', () => {
    expect(activityLabel({ state: 'UPDATING', action: 'Extend' })).toBe('Extending');
    expect(activityLabel({ state: 'UPDATE_SCHEDULED', action: 'Pull' })).toBe('Pulling');
    expect(activityLabel({ state: 'UPDATING', action: 'Resize' })).toBe('Resize in progress');
    expect(activityLabel({ state: 'UPDATING', action: '' })).toBe('Updating');
    expect(activityLabel({ state: 'OK', action: 'Attach' })).toBe('OK');
  });

  it('colours states and runtime states', () => {
    expect(stateTone({ state: 'ERRED' })).toBe('danger');
    expect(stateTone({ state: 'OK' })).toBe('success');
    expect(stateTone({ state: 'CREATING' })).toBe('progress');
    expect(stateTone({})).toBe('neutral');
    expect(runtimeTone('error_deleting')).toBe('danger');
    expect(runtimeTone('available')).toBe('neutral');
    expect(runtimeTone('in-use')).toBe('neutral');
    expect(runtimeTone('deleted')).toBe('neutral');
    expect(runtimeTone('attaching')).toBe('progress');
    expect(runtimeTone('')).toBe('neutral');
    expect(runtimeTone(undefined)).toBe('neutral');
  });
});
