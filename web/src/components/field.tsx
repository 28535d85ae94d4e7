// One labelled value in a panel's list of facts (a <dt>/<dd> pair inside a <dl>).
export function Field({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
