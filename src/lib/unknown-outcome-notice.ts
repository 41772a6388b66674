// A write whose outcome is unknown, said in a notice (for writes without a form: Pull, the tray's
// buttons). Apart from ./notifications, which the list's first download carries.
import { t } from './i18n';
import { notify } from './notifications';
import { type Accepted, checkAgain, type UnknownOutcomeError } from './writes';

/**
 * The notice's two titles as whole sentences, translated by the caller:
 * `unknown` "It is unknown whether Waldur received the pull of data-01",
 * `stillNotShown` "Waldur still does not show the pull of data-01".
 */
export interface UnknownOutcomeTitles {
  unknown: string;
  stillNotShown: string;
}

/**
 * A write whose answer was lost and that Waldur does not show, as a notice: "Check again" reads
 * once more (and runs `accepted` if Waldur shows it now), "Send again" sends it anew. Nothing is
 * ever resent by itself (src/lib/writes.ts).
 *
 * `what` is either the two titles as whole sentences (preferred: a language may need to inflect
 * what was sent differently in each), or what was sent as a phrase ("pull of data-01", already
 * translated), put into each title as a value.
 */
export function notifyUnknownOutcome<R>(
  what: string | UnknownOutcomeTitles,
  error: UnknownOutcomeError<R>,
  handlers: { accepted: (result: Accepted<R>) => void; sendAgain: () => void },
) {
  const titles: UnknownOutcomeTitles =
    typeof what === 'string'
      ? {
          unknown: t('It is unknown whether Waldur received the {what}', { what }),
          stillNotShown: t('Waldur still does not show the {what}', { what }),
        }
      : what;
  const sendAgain = { label: t('Send again'), run: handlers.sendAgain };
  return notify({
    kind: 'error',
    title: titles.unknown,
    message: t(
      'No answer came back, and Waldur does not show it. Check again before sending it again.',
    ),
    report: error.cause.toReport(),
    actions: [
      {
        label: t('Check again'),
        run: async () => {
          const result = await checkAgain(error.write).catch(() => null);
          if (result) handlers.accepted(result);
          else
            notify({
              kind: 'error',
              title: titles.stillNotShown,
              actions: [sendAgain],
            });
        },
      },
      sendAgain,
    ],
  });
}
