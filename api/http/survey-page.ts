// The one page customers see, in their language: a 0-10 score and an optional comment, posted to
// /v1/surveys/:token. An error answer is shown from its code in the page's language, never the API's English.
import { SURVEY_WORDS } from './survey-page-words';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface SurveyPageInput {
  token: string;
  answered: boolean;
  nonce: string;
  locale: string;
}

function surveyForm(token: string, nonce: string, locale: string): string {
  const words = SURVEY_WORDS[locale]!;
  const scores = Array.from(
    { length: 11 },
    (_, i) => `<label><input type="radio" name="score" value="${i}" required> ${i}</label>`,
  ).join('');
  return `<form id="survey">
  <p>${escapeHtml(words.question)}</p>
  <div class="scores">${scores}</div>
  <p><label>${escapeHtml(words.comment)}<br><textarea name="comment" maxlength="2000" rows="4"></textarea></label></p>
  <button type="submit">${escapeHtml(words.send)}</button>
</form>
<p id="result" role="status"></p>
<script nonce="${nonce}">
const words = ${JSON.stringify({ thanks: words.thanks, errors: words.errors }).replace(/</g, '\\u003c')};
document.getElementById('survey').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  const body = { score: Number(form.get('score')) };
  if (form.get('comment')) body.comment = String(form.get('comment'));
  const res = await fetch('/v1/surveys/${escapeHtml(token)}', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const out = await res.json().catch(() => ({}));
  document.getElementById('result').textContent = res.ok ? words.thanks : (words.errors[out.error && out.error.code] || words.errors.other);
  if (res.ok) e.target.remove();
});
</script>`;
}

export function surveyPage({ token, answered, nonce, locale }: SurveyPageInput): string {
  const words = SURVEY_WORDS[locale]!;
  const body = answered ? `<p>${escapeHtml(words.thanks)}</p>` : surveyForm(token, nonce, locale);
  return `<!doctype html>
<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(words.title)}</title>
<style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}.scores{display:flex;flex-wrap:wrap;gap:.5rem}textarea{width:100%}</style>
</head><body><h1>${escapeHtml(words.title)}</h1>${body}</body></html>`;
}
