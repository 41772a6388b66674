// How a failed submit is said at the top of a form: the words for a failure that belongs to no
// field (a 409's reason, a quota error, a lost answer…), and the callout that shows them with the
// details for a support ticket.
import { useEffect, useRef } from 'react';
import { Button } from '@/components/button';
import { CodeBlock } from '@/components/code-block';
import { CorsNoticeIfHidden } from '@/components/cors-notice';
import { Callout } from '@/components/status';
import { ApiError } from '@/lib/api-error';
import { t, useT } from '@/lib/i18n';
import { UnknownOutcomeError } from '@/lib/writes';

export interface FormProblem {
  title: string;
  messages: string[];
  /** Those of `messages` that are Waldur's own words (shown as they come, marked as data). */
  fromWaldur?: string[];
  /** No answer came back (a lost answer, an unreachable Waldur): the cross-origin note applies. */
  noAnswer?: boolean;
  /** What the user can do from here ("Check again", "Send again"). */
  actions?: { label: string; run: () => void }[];
}

/** What a form acts on, as its failure messages name it. */
export type FormSubject = 'volume' | 'snapshot';

/** Words for a failure that belongs to no field; `subject` is what the form acts on. */
export function describeFailure(
  error: unknown,
  fieldMap: Record<string, string> = {},
  subject: FormSubject = 'volume',
): FormProblem {
  if (error instanceof UnknownOutcomeError) {
    return {
      noAnswer: true,
      title: t('No answer came back: it is unknown whether Waldur received this'),
      messages: [
        t(
          '{subject, select, snapshot {The request was sent, but its answer was lost on the way, and re-reading the snapshot for a while does not show it. Your input is kept. Check again; send it again only if Waldur still does not show it.} other {The request was sent, but its answer was lost on the way, and re-reading the volume for a while does not show it. Your input is kept. Check again; send it again only if Waldur still does not show it.}}',
          { subject },
        ),
      ],
    };
  }
  if (!(error instanceof ApiError)) {
    return {
      title: t('Something went wrong'),
      messages: [String(error instanceof Error ? error.message : error)],
    };
  }
  if (error.kind === 'network') {
    return {
      noAnswer: true,
      title: t('Could not reach Waldur'),
      messages: [
        t(
          'Nothing was sent, or the answer was lost. Your input is kept: check your connection and submit again.',
        ),
      ],
    };
  }
  if (error.isServerError) {
    return {
      title: t('Waldur failed to handle the request (HTTP {status})', {
        status: String(error.status),
      }),
      messages: [
        t(
          'Your input is kept; submit again. If it keeps failing, copy the details into a support ticket.',
        ),
      ],
    };
  }
  switch (error.status) {
    case 409: {
      const reason = error.detail ?? error.message;
      return {
        title: t(
          '{subject, select, snapshot {Waldur refused: the snapshot is not in a state that allows this} other {Waldur refused: the volume is not in a state that allows this}}',
          { subject },
        ),
        messages: [
          reason,
          t(
            '{subject, select, snapshot {The snapshot has been refreshed to show its current state.} other {The volume has been refreshed to show its current state.}}',
            { subject },
          ),
        ],
        fromWaldur: error.detail ? [reason] : [],
      };
    }
    case 403:
      return {
        title: t(
          '{subject, select, snapshot {You do not have permission to do this on this snapshot} other {You do not have permission to do this on this volume}}',
          { subject },
        ),
        messages: [error.detail ?? t('Ask an admin or manager of its project, or staff.')],
        fromWaldur: error.detail ? [error.detail] : [],
      };
    case 404:
      return {
        title: t(
          '{subject, select, snapshot {This snapshot no longer exists} other {This volume no longer exists}}',
          { subject },
        ),
        messages: [
          t('It was removed or unlinked elsewhere. Close this dialog and go back to the list.'),
        ],
      };
    default: {
      // Waldur's messages, and the server's field names with them: data, not the console's words.
      const unplaced = Object.entries(error.fieldErrors)
        .filter(([field]) => !(field in fieldMap))
        .map(([field, messages]) => `${field}: ${messages.join(' ')}`);
      const messages = [...error.generalMessages, ...unplaced];
      return {
        title:
          error.status === 400
            ? t('Waldur did not accept this')
            : t('Waldur answered HTTP {status}', { status: String(error.status) }),
        messages,
        fromWaldur: messages,
      };
    }
  }
}

export function FormProblemCallout({
  problem,
  report,
}: {
  problem: FormProblem | null;
  report?: string;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);
  if (!problem) return null;
  const source = (message: string) =>
    problem.fromWaldur?.includes(message) ? 'waldur' : undefined;
  return (
    <div ref={ref}>
      <Callout tone="danger" role="alert" title={problem.title}>
        {problem.messages.length === 1 ? (
          <p data-source={source(problem.messages[0]!)}>{problem.messages[0]}</p>
        ) : problem.messages.length > 1 ? (
          <ul>
            {problem.messages.map((message) => (
              <li key={message} data-source={source(message)}>
                {message}
              </li>
            ))}
          </ul>
        ) : null}
        {problem.actions?.length ? (
          <div className="callout__actions">
            {problem.actions.map((action) => (
              <Button key={action.label} size="sm" onClick={action.run}>
                {action.label}
              </Button>
            ))}
          </div>
        ) : null}
        {problem.noAnswer ? <CorsNoticeIfHidden /> : null}
        {report ? (
          <details>
            <summary>{t('Details for a support ticket')}</summary>
            <CodeBlock label={t('Error details')}>{report}</CodeBlock>
          </details>
        ) : null}
      </Callout>
    </div>
  );
}
