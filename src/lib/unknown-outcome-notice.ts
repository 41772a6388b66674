// A write whose outcome is unknown, said in a notice (for writes without a form: Pull, the tray's
// buttons). Apart from ./notifications, which the list's first download carries.
import { notify } from './notifications';
import { type Accepted, checkAgain, type UnknownOutcomeError } from './writes';

/**
 * A write whose answer was lost and that Waldur does not show, as a notice: "Check again" reads
 * once more (and runs `accepted` if Waldur shows it now), "Send again" sends it anew. Nothing is
 * ever resent by itself (src/lib/writes.ts).
 */
export function notifyUnknownOutcome<R>(
  what: string,
  error: UnknownOutcomeError<R>,
  handlers: { accepted: (result: Accepted<R>) => void; sendAgain: () => void },
) {
  const sendAgain = { label: 'Send again', run: handlers.sendAgain };
  return notify({
    kind: 'error',
    title: `It is unknown whether Waldur received the ${what}`,
    message:
      'No answer came back, and Waldur does not show it. Check again before sending it again.',
    report: error.cause.toReport(),
    actions: [
      {
        label: 'Check again',
        run: async () => {
          const result = await checkAgain(error.write).catch(() => null);
          if (result) handlers.accepted(result);
          else
            notify({
              kind: 'error',
              title: `Waldur still does not show the ${what}`,
              actions: [sendAgain],
            });
        },
      },
      sendAgain,
    ],
  });
}
