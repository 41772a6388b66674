import { useEffect, useRef, useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { CodeBlock } from '@/components/code-block';
import { Callout } from '@/components/status';
import { ApiError } from '@/lib/api-error';
import { clearDraft, readDraft, saveDraft } from './drafts';

/**
 * What every action form shares: server errors placed where they belong (a 400's field errors on
 * their fields, everything else at the top of the form), input kept on any error, a draft kept when
 * the dialog is closed without submitting, and one request per submit however often it is clicked.
 */
export interface FormProblem {
  title: string;
  messages: string[];
  retryable: boolean;
}

/** Words for a failure that belongs to no field. */
export function describeFailure(
  error: unknown,
  fieldMap: Record<string, string> = {},
): FormProblem {
  if (!(error instanceof ApiError)) {
    return {
      title: 'Something went wrong',
      messages: [String(error instanceof Error ? error.message : error)],
      retryable: true,
    };
  }
  if (error.kind === 'network') {
    return {
      title: 'Could not reach Waldur',
      messages: [
        'Nothing was sent, or the answer was lost. Your input is kept: check your connection and submit again.',
      ],
      retryable: true,
    };
  }
  if (error.isServerError) {
    return {
      title: `Waldur failed to handle the request (HTTP ${error.status})`,
      messages: [
        'Your input is kept; submit again. If it keeps failing, copy the details into a support ticket.',
      ],
      retryable: true,
    };
  }
  switch (error.status) {
    case 409:
      return {
        title: 'Waldur refused: the volume is not in a state that allows this',
        messages: [
          error.detail ?? error.message,
          'The volume has been refreshed to show its current state.',
        ],
        retryable: false,
      };
    case 403:
      return {
        title: 'You do not have permission to do this on this volume',
        messages: [error.detail ?? 'Ask an admin or manager of its project, or staff.'],
        retryable: false,
      };
    case 404:
      return {
        title: 'This volume no longer exists',
        messages: [
          'It was removed or unlinked elsewhere. Close this dialog and go back to the list.',
        ],
        retryable: false,
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
        retryable: error.status !== 400,
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

/**
 * Submits through `send`, maps a 400's field errors onto the form's fields (server field name →
 * form field), and keeps a draft of the input while the dialog is open.
 */
export function useActionForm<T extends FieldValues>(
  form: UseFormReturn<T>,
  options: { draftKey: string; fieldMap: Record<string, Path<T>> },
) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [report, setReport] = useState<string | undefined>();
  const inFlight = useRef(false);
  const { draftKey, fieldMap } = options;

  useEffect(() => {
    const subscription = form.watch((values) => saveDraft(draftKey, values));
    return () => subscription.unsubscribe();
  }, [form, draftKey]);

  const submit = (send: (values: T) => Promise<void>) =>
    form.handleSubmit(async (values) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setProblem(null);
      setReport(undefined);
      try {
        await send(values);
        clearDraft(draftKey);
      } catch (error) {
        let placed = false;
        if (error instanceof ApiError && error.status === 400) {
          for (const [serverField, messages] of Object.entries(error.fieldErrors)) {
            const field = fieldMap[serverField];
            if (field) {
              form.setError(
                field,
                { type: 'server', message: messages.join(' ') },
                { shouldFocus: !placed },
              );
              placed = true;
            }
          }
        }
        const described = describeFailure(error, fieldMap);
        if (!placed || described.messages.length > 0)
          setProblem(described.messages.length > 0 || !placed ? described : null);
        if (error instanceof ApiError && error.status !== 400) setReport(error.toReport());
      } finally {
        inFlight.current = false;
      }
    });

  return { problem, report, submit };
}

export function initialValues<T>(draftKey: string, defaults: T): T {
  return { ...defaults, ...(readDraft<Partial<T>>(draftKey) ?? {}) };
}
