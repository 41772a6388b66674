import './sign-in.css';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useLocation, useNavigate } from 'react-router';
import * as z from 'zod/mini';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-fields';
import { LanguagePicker } from '@/components/language-picker';
import { Callout } from '@/components/status';
import { ApiError, errorMessage } from '@/lib/api-error';
import { normalizeApiUrl } from '@/lib/config';
import { currentUserKey, currentUserSchema } from '@/lib/current-user';
import { HttpClient } from '@/lib/http';
import { T, t, useT } from '@/lib/i18n';
import { sessionStore, useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';

/** An address, not words: the same in every language. */
const EXAMPLE_URL = 'https://waldur.example.com';

// The schema's messages are made when a field is checked, in the language of that moment.
const signInSchema = z.object({
  apiUrl: z.string().check(
    z.trim(),
    z.minLength(1, {
      error: () => t('Enter the address of your Waldur, e.g. {example}', { example: EXAMPLE_URL }),
    }),
    z.refine((value) => value === '' || normalizeApiUrl(value) !== null, {
      error: () => t('Enter a full http(s) address, e.g. {example}', { example: EXAMPLE_URL }),
    }),
  ),
  token: z.string().check(
    z.trim(),
    z.minLength(1, {
      error: () => t('Enter your API token (in Waldur: your profile → Credentials → API token)'),
    }),
    z.refine((value) => !/\s/.test(value), { error: () => t('A token has no spaces in it') }),
  ),
  remember: z.boolean(),
});
type SignInValues = z.infer<typeof signInSchema>;

function explain(error: unknown, apiUrl: string): { field?: 'apiUrl' | 'token'; message: string } {
  if (error instanceof ApiError) {
    if (error.status === 401)
      return {
        field: 'token',
        // Waldur's own reason (its `detail`), in the language Waldur answered in.
        message: t('Waldur did not accept this token: {detail}', {
          detail: error.detail ?? t('Invalid token.'),
        }),
      };
    if (error.kind === 'network') {
      return {
        field: 'apiUrl',
        message: t(
          'Could not reach {address}. Check the address, your connection, and that this Waldur allows requests from this site (CORS).',
          { address: apiUrl },
        ),
      };
    }
    if (error.status === 404) {
      return {
        field: 'apiUrl',
        message: t('{address} answered 404: is this the address of a Waldur API?', {
          address: apiUrl,
        }),
      };
    }
    if (error.kind === 'invalid-response') {
      return {
        field: 'apiUrl',
        message: t('{address} answered, but not like Waldur does. Is this the right address?', {
          address: apiUrl,
        }),
      };
    }
    return { message: errorMessage(error) };
  }
  return { message: errorMessage(error) };
}

/**
 * Sign in to a real Waldur with an API token, checked against `/api/users/me/` before it is kept.
 * The token is kept for this browser session, or on this device with "remember me".
 */
export function SignInPage() {
  const t = useT();
  useDocumentTitle(t('Sign in'));
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/volumes';

  const fixedUrl = session.kind === 'waldur' && session.apiUrlFixed ? session.apiUrl : null;
  const form = useForm<SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { apiUrl: session.apiUrl ?? '', token: '', remember: false },
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { isSubmitting },
  } = form;

  if (session.kind === 'demo' || session.token) return <Navigate to={from} replace />;

  const onSubmit = async (values: SignInValues) => {
    setFormError(null);
    const apiUrl = normalizeApiUrl(fixedUrl ?? values.apiUrl)!;
    const token = values.token.trim();
    const client = new HttpClient({ baseUrl: apiUrl, getToken: () => token });
    try {
      const user = await client.get('api/users/me', currentUserSchema);
      // Signing in changes the identity, which clears the cache; then seed it with the user.
      sessionStore.signIn(apiUrl, token, values.remember);
      queryClient.setQueryData(currentUserKey, user);
      navigate(from, { replace: true });
    } catch (error) {
      const { field, message } = explain(error, apiUrl);
      if (field && !(field === 'apiUrl' && fixedUrl))
        setError(field, { message }, { shouldFocus: true });
      else setFormError(message);
    }
  };

  return (
    <main id="main" className="sign-in">
      {/* Before the form: someone who does not read English finds it first. No Waldur may be
          known yet; then every language is offered. */}
      <LanguagePicker inline />
      <form
        className="sign-in__card"
        onSubmit={handleSubmit(onSubmit)}
        noValidate
        aria-labelledby="sign-in-title"
      >
        <h1 id="sign-in-title" className="sign-in__title">
          {t('Sign in to Waldur')}
        </h1>
        <p className="muted">
          {t(
            'The volume console works with your Waldur API token; it is sent only to the Waldur you name.',
          )}
        </p>
        {session.kind === 'waldur' && session.endedReason ? (
          <Callout tone="warning" role="alert" title={t('You were signed out')}>
            <p>
              {t('{reason} Sign in again to continue where you were.', {
                reason: session.endedReason,
              })}
            </p>
          </Callout>
        ) : null}
        {formError ? (
          <Callout tone="danger" role="alert" title={t('Could not sign in')}>
            <p>{formError}</p>
          </Callout>
        ) : null}
        {fixedUrl ? (
          <div className="field">
            <span className="field__label">{t('Waldur')}</span>
            <p className="mono">
              {fixedUrl === window.location.origin ? (
                <T m="{address} (this site)" v={{ address: <bdi>{`${fixedUrl}/api/`}</bdi> }} />
              ) : (
                <bdi>{fixedUrl}</bdi>
              )}
            </p>
          </div>
        ) : (
          <TextField
            form={form}
            name="apiUrl"
            label={t('Waldur API address')}
            hint={t('For example {example}', { example: EXAMPLE_URL })}
            type="url"
            autoComplete="url"
          />
        )}
        <TextField
          form={form}
          name="token"
          label={t('API token')}
          type="password"
          className="input mono"
          autoComplete="current-password"
        />
        <label className="checkbox">
          <input type="checkbox" {...register('remember')} />
          {t('Remember me on this device')}
        </label>
        <Button type="submit" variant="primary" isBusy={isSubmitting}>
          {t('Sign in')}
        </Button>
        {session.kind === 'waldur' && session.canReturnToDemo ? (
          <button
            type="button"
            className="btn btn--ghost"
            onClick={() => sessionStore.returnToDemo()}
          >
            {t('Back to the demo backend')}
          </button>
        ) : null}
      </form>
    </main>
  );
}
