// Pieces the human-step forms on a case share: a select's options in words, and the optional note.
import { words } from '../format';

export function Options({ values }: { values: readonly string[] }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {words(v)}
        </option>
      ))}
    </>
  );
}

export function NoteInput() {
  return <input name="note" placeholder="note (optional)" maxLength={2000} />;
}
