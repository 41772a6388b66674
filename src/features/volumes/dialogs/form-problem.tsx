// How a failed submit is said at the top of a form: the words for a failure that belongs to no
// field (a 409's reason, a quota error, a lost answer…), and the callout that shows them with the
// details for a support ticket.
import { useEffect, useRef } from 'react';
import { Button } from '@/components/button';
import { CodeBlock } from '@/components/code-block';
import { CorsNoticeIfHidden } from '@/components/cors-notice';
import { Callout } from '@/components/status';
import { ApiError } from '@/lib/api-error';
import { UnknownOutcomeError } from '@/lib/writes';

export interface FormProblem {
  title: string;
  messages: string[];
  /** No answer came back (a lost answer, an unreachable Waldur): the cross-origin note applies. */
  noAnswer?: boolean;
  /** What the user can do from here ("Check again", "Send again"). */
  actions?: { label: string; run: () => void }[];
}

/** Words for a failure that belongs to no field; `subject` is what the form acts on. */
export function describeFailure(
  error: unknown,
  fieldMap: Record<string, string> = {},
  subject = 'volume',
): FormProblem {
  if (error instanceof UnknownOutcomeError) {
    return {
      noAnswer: true,
      title: 'No answer came back: it is unknown whether Waldur received this',
      messages: [
        `The request was sent, but its answer was lost on the way, and re-reading the ${subject} for a while does not show it. Your input is kept. Check again; send it again only if Waldur still does not show it.`,
      ],
    };
  }
  if (!(error instanceof ApiError)) {
    return {
      title: 'Something went wrong',
      messages: [String(error instanceof Error ? error.message : error)],
    };
  }
  if (error.kind === 'network') {
    return {
      noAnswer: true,
      title: 'Could not reach Waldur',
      messages: [
        'Nothing was sent, or the answer was lost. Your input is kept: check your connection and submit again.',
      ],
    };
  }
  if (error.isServerError) {
    return {
      title: `Waldur failed to handle the request (HTTP ${error.status})`,
      messages: [
        'Your input is kept; submit again. If it keeps failing, copy the details into a support ticket.',
      ],
    };
  }
  switch (error.status) {
    case 409:
      return {
        title: `Waldur refused: the ${subject} is not in a state that allows this`,
        messages: [
          error.detail ?? error.message,
          `The ${subject} has been refreshed to show its current state.`,
        ],
      };
    case 403:
      return {
        title: `You do not have permission to do this on this ${subject}`,
        messages: [error.detail ?? 'Ask an admin or manager of its project, or staff.'],
      };
    case 404:
      return {
        title: `This ${subject} no longer exists`,
        messages: [
          'It was removed or unlinked elsewhere. Close this dialog and go back to the list.',
        ],
      };
    default: {
      const unplaced = Object.entries(error.fieldErrors)
        .filter(([field]) => !(field in fieldMap))
        .map(([field, messages]) => `${field}: ${messages.join(' ')}`);
      return {
        title:
          error.status === 400
            ? 'Waldur did not accept this'
            : `Waldur answered HTTP ${error.status}`,
        messages: [...error.generalMessages, ...unplaced],
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
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);
  if (!problem) return null;
  return (
    <div ref={ref}>
      <Callout tone="danger" role="alert" title={problem.title}>
        {problem.messages.length === 1 ? (
          <p>{problem.messages[0]}</p>
        ) : problem.messages.length > 1 ? (
          <ul>
            {problem.messages.map((message) => (
              <li key={message}>{message}</li>
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
            <summary>Details for a support ticket</summary>
            <CodeBlock label="Error details">{report}</CodeBlock>
          </details>
        ) : null}
      </Callout>
    </div>
  );
}
