// The search box in the header: any page, one keystroke away (press "/" to focus it). Results open on the
// lookup page (#/find/<query>).
import { useEffect, useRef } from 'preact/hooks';

export function CustomerSearchBox() {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLInputElement ||
        e.target instanceof HTMLTextAreaElement ||
        e.target instanceof HTMLSelectElement;
      if (e.key === '/' && !typing) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  const submit = (e: Event) => {
    e.preventDefault();
    const q = input.current?.value.trim() ?? '';
    if (q) location.hash = `#/find/${encodeURIComponent(q)}`;
  };
  return (
    <form class="search" onSubmit={submit}>
      {/* Not "customer" in the label: the board has its own "Customer" filter, and labels should not collide. */}
      <label class="sr-only" for="customer-search">
        Look up by id, name, phone or email
      </label>
      <input
        id="customer-search"
        ref={input}
        type="search"
        name="query"
        placeholder="Find a customer (id, name, phone, email)"
        autocomplete="off"
      />
    </form>
  );
}
