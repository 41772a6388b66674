// A request that changes something, and what to do when its answer never arrives.
//
// An answer can be lost after Waldur did the work: a dropped connection, a gateway's 502/504, or —
// across origins behind mastermind's stock nginx — every 202, 4xx and 5xx, whose CORS headers the
// proxy strips (contract-lifecycle §6 E1, §8). Treating that as a failure invites the user to send it
// again: a second order, a second extend. So a write that gets no readable answer is never resent
// by itself (docs/decisions/0008): it is confirmed by re-reading what it would change, at once and
// then on the live refresh's schedule for a while. If Waldur shows it, it was accepted; if not, the
// caller hears that the outcome is unknown, and can check again or send again.
//
// Every write in the console goes through `performWrite`: a volume's actions, placing, approving and
// rejecting an order, terminate, a snapshot's edit, delete and restore, each item of a bulk action.
// Each says how to send it and how one read tells whether Waldur has it; this file does the rest.
import { type ApiError, isApiError } from './api-error';

export interface Write<R> {
  /**
   * Reads what is there before the request is sent, when the request makes something new (an
   * order, a snapshot) and a check must tell the new one apart. Nothing is sent yet, so its
   * failures are ordinary ones.
   */
  prepare?(): Promise<void>;
  /** Sends the request, once. */
  send(): Promise<R>;
  /**
   * One read of what the request would change: what the request stands for if Waldur shows it
   * now (the new order, the snapshot in its new state, …), else null. Never sends anything.
   */
  check(): Promise<R | null>;
}

export interface Accepted<R> {
  value: R;
  /** The answer never came; re-reading showed that Waldur accepted the request. */
  answerLost: boolean;
}

/** No readable answer: the connection failed, or a gateway answered instead of Waldur. */
export function isLostAnswer(error: unknown): error is ApiError {
  return (
    isApiError(error) && (error.kind === 'network' || error.status === 502 || error.status === 504)
  );
}

/** A write that got no readable answer, and that Waldur does not show (yet). */
export class UnknownOutcomeError<R = unknown> extends Error {
  override readonly name = 'UnknownOutcomeError';
  constructor(
    readonly write: Write<R>,
    override readonly cause: ApiError,
  ) {
    super('It is unknown whether Waldur received this request.');
  }
}

/** A lost answer is checked at once, then again on the live refresh's schedule for a while. */
export const CHECK_DELAYS_MS = [0, 2_000, 4_000, 8_000];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `check` at each delay until Waldur shows the request; null when it never does. */
async function confirm<R>(write: Write<R>): Promise<R | null> {
  for (const delay of CHECK_DELAYS_MS) {
    if (delay) await sleep(delay);
    try {
      const shown = await write.check();
      if (shown !== null) return shown;
    } catch (error) {
      if (!isLostAnswer(error)) throw error; // still cut off: try again at the next step
    }
  }
  return null;
}

/**
 * Sends `write`. A lost answer is confirmed by re-reading (`onChecking` says when that starts) and
 * either becomes an accepted result or an `UnknownOutcomeError`; any other failure is thrown as is.
 */
export async function performWrite<R>(
  write: Write<R>,
  options: { onChecking?: () => void } = {},
): Promise<Accepted<R>> {
  await write.prepare?.();
  try {
    return { value: await write.send(), answerLost: false };
  } catch (error) {
    if (!isLostAnswer(error)) throw error;
    options.onChecking?.();
    const shown = await confirm(write);
    if (shown === null) throw new UnknownOutcomeError(write, error);
    return { value: shown, answerLost: true };
  }
}

/** "Check again" after an unknown outcome: one more read, never a send. */
export async function checkAgain<R>(write: Write<R>): Promise<Accepted<R> | null> {
  const shown = await write.check();
  return shown === null ? null : { value: shown, answerLost: true };
}

/**
 * The same write, with `settle` run on whatever stands for Waldur's answer: the answer itself, or
 * what a check found. Cache updates go here, so that they happen however the answer arrived.
 */
export function settled<R>(write: Write<R>, settle: (value: R) => void): Write<R> {
  return {
    prepare: write.prepare,
    send: async () => {
      const value = await write.send();
      settle(value);
      return value;
    },
    check: async () => {
      const value = await write.check();
      if (value !== null) settle(value);
      return value;
    },
  };
}
