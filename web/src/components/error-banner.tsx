// An error in the person's language: the API's code and params through the catalogue (errors.<code>), the
// English message the server sent when the catalogue has no sentence for that code.
import type { ApiError } from '../api';
import { useT } from '../i18n/i18n';

export function ErrorBanner({ error }: { error: ApiError | Error | undefined }) {
  const { t } = useT();
  if (!error) return null;
  const { requestId, code, params } = error as Partial<ApiError>;
  const text = code
    ? t(`errors.${code}` as 'error.request', { ...params, defaultValue: error.message })
    : error.message;
  return (
    <p class="error" role="alert">
      {text}
      {requestId && <small> {t('error.request', { id: requestId })}</small>}
    </p>
  );
}
