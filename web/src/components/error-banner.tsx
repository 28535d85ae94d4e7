import type { ApiError } from '../api';

export function ErrorBanner({ error }: { error: ApiError | Error | undefined }) {
  if (!error) return null;
  const requestId = (error as ApiError).requestId;
  return (
    <p class="error" role="alert">
      {error.message}
      {requestId && <small> (request {requestId})</small>}
    </p>
  );
}
