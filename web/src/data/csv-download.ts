// Saving a report as CSV: the API's answer to `path` as text/csv, handed to the browser as a file download; a
// failure is kept to be shown beside the button.
import { useState } from 'preact/hooks';
import type { Api } from '../api';

export function useCsvDownload(api: Api) {
  const [error, setError] = useState<Error>();
  const download = async (path: string, fileName: string) => {
    try {
      const blob = await api.download(path, 'text/csv');
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = fileName;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      setError(e as Error);
    }
  };
  return { download, error };
}
