// Saving a report as CSV: the API's text/csv answer, asked for with CSV (openapi-fetch reads it as a blob), handed
// to the browser as a file download; a failure is kept to be shown beside the button.
import { useState } from 'preact/hooks';

// The options a report's GET takes to answer as CSV instead of JSON.
export const CSV = { headers: { accept: 'text/csv' }, parseAs: 'blob' } as const;

export function useCsvDownload() {
  const [error, setError] = useState<Error>();
  const download = async (csv: () => Promise<Blob>, fileName: string) => {
    try {
      const blob = await csv();
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
