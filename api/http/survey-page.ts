// The one page customers see: a 0-10 score and an optional comment, posted to /v1/surveys/:token.
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function surveyPage({ token, answered, nonce }: { token: string; answered: boolean; nonce: string }): string {
  const scores = Array.from(
    { length: 11 },
    (_, i) => `<label><input type="radio" name="score" value="${i}" required> ${i}</label>`,
  ).join('');
  const body = answered
    ? '<p>Thank you, we have your answer.</p>'
    : `<form id="survey">
  <p>How likely are you to recommend us to a friend or colleague? (0 = not at all, 10 = extremely)</p>
  <div class="scores">${scores}</div>
  <p><label>Anything you would like to tell us?<br><textarea name="comment" maxlength="2000" rows="4"></textarea></label></p>
  <button type="submit">Send</button>
</form>
<p id="result" role="status"></p>
<script nonce="${nonce}">
document.getElementById('survey').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  const body = { score: Number(form.get('score')) };
  if (form.get('comment')) body.comment = String(form.get('comment'));
  const res = await fetch('/v1/surveys/${escapeHtml(token)}', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const out = await res.json();
  document.getElementById('result').textContent = res.ok ? 'Thank you, we have your answer.' : out.error.message;
  if (res.ok) e.target.remove();
});
</script>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>How did we do?</title>
<style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}.scores{display:flex;flex-wrap:wrap;gap:.5rem}textarea{width:100%}</style>
</head><body><h1>How did we do?</h1>${body}</body></html>`;
}
