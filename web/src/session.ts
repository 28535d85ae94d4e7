// The only login state: the API key, in this tab's session storage (gone when the tab closes).
const KEY = 'holdfast.apiKey';

export const session = {
  key: (): string | null => sessionStorage.getItem(KEY),
  save: (key: string) => sessionStorage.setItem(KEY, key),
  clear: () => sessionStorage.removeItem(KEY),
};
