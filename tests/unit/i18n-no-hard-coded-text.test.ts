// No text left hard-coded in a translated screen: every .tsx under web/src is parsed as TSX, and JSX text or a
// user-visible attribute (aria-label, placeholder, title, alt, label) with letters outside a t() call fails.
// NOT_YET_TRANSLATED lists the files still in English; it may only shrink (a file translated leaves the list,
// and the test fails when a listed file has become clean, so the list stays honest).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const WEB = join(__dirname, '..', '..', 'web', 'src');
const VISIBLE = new Set(['aria-label', 'placeholder', 'title', 'alt', 'label']);
// Letters of any script; digits, punctuation and symbols alone (·, —, %, :) are not words to translate.
const WORDS = /\p{L}/u;

const NOT_YET_TRANSLATED = [
  'components/board-filters.tsx',
  'components/call-sheet.tsx',
  'components/case-actions.tsx',
  'components/case-card.tsx',
  'components/case-customer-panel.tsx',
  'components/case-facts-panel.tsx',
  'components/case-offer-panel.tsx',
  'components/case-risk-panel.tsx',
  'components/charts.tsx',
  'components/churn-reason-fields.tsx',
  'components/churn-reason-panel.tsx',
  'components/churn-reasons-section.tsx',
  'components/churn-reasons-tables.tsx',
  'components/contact-attempts-panel.tsx',
  'components/customer-search-box.tsx',
  'components/dry-run-tables.tsx',
  'components/dry-run-view.tsx',
  'components/experiment-actions.tsx',
  'components/experiment-arms-table.tsx',
  'components/experiment-charts.tsx',
  'components/experiment-choosers.tsx',
  'components/experiment-detail.tsx',
  'components/experiment-results.tsx',
  'components/experiment-start-form.tsx',
  'components/open-case-form.tsx',
  'components/playbook-detail.tsx',
  'components/playbook-draft-panel.tsx',
  'components/playbook-draft-review.tsx',
  'components/playbook-dry-run-panel.tsx',
  'components/playbook-versions.tsx',
  'components/retention-filters.tsx',
  'components/retention-table.tsx',
  'components/step-close-form.tsx',
  'components/step-contact-outcome-form.tsx',
  'components/step-form-parts.tsx',
  'components/step-offer-approval-form.tsx',
  'components/step-offer-decision-form.tsx',
  'components/step-reassign-form.tsx',
  'components/step-retry-form.tsx',
  'components/timeline.tsx',
  'components/workload-table.tsx',
  'pages/board.tsx',
  'pages/case-page.tsx',
  'pages/customer-page.tsx',
  'pages/customer-search.tsx',
  'pages/experiments.tsx',
  'pages/playbooks.tsx',
  'pages/reports.tsx',
  'pages/workload.tsx',
];

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

function hardCoded(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(`${at(node)}: ${node.text.trim()}`);
    if (ts.isJsxAttribute(node) && VISIBLE.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      const text = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
          ? init.expression.text
          : '';
      if (WORDS.test(text)) found.push(`${at(node)}: ${node.name.getText(source)}="${text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = tsxFiles(WEB).map((f) => relative(WEB, f).split('\\').join('/'));

test('translated screens have no hard-coded text', () => {
  const left = files
    .filter((f) => !NOT_YET_TRANSLATED.includes(f))
    .flatMap((f) => hardCoded(join(WEB, f)).map((line) => `${f}:${line}`));
  expect(left).toEqual([]);
});

test('the list of files not yet translated only shrinks: a listed file that is clean leaves it', () => {
  const clean = NOT_YET_TRANSLATED.filter((f) => !files.includes(f) || hardCoded(join(WEB, f)).length === 0);
  expect(clean).toEqual([]);
});
