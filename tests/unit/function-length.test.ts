// Production code (workflows/, api/, activities/, config/, domain/, worker/ and the dashboard's web/src/, its .tsx components
// included) keeps functions short enough to read at once: none over 60 lines. A longer one is split into named steps or, in the
// dashboard, into named components and hooks (see docs/architecture.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const MAX_LINES = 60;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') || path.endsWith('.tsx') ? [path] : [];
  });
}

function longFunctions(file: string, text = readFileSync(file, 'utf8')): string[] {
  // A component's JSX does not parse as plain TypeScript: read .tsx files as TSX, or the markup turns into syntax errors
  // and the function around it is measured wrongly.
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isArrowFunction(node) ||
      ts.isFunctionExpression(node) ||
      ts.isMethodDeclaration(node)
    ) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - first + 1;
      if (lines > MAX_LINES) found.push(`${relative(ROOT, file)}:${first + 1} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

// The syntax errors TypeScript finds in a file, read as its extension says: none expected, so no file is measured from a
// broken parse. A declaration file (the generated web/src/api-schema.d.ts) has no code to transpile, and no function to
// measure; `tsc --noEmit -p web` reads it.
function syntaxErrors(file: string): string[] {
  if (file.endsWith('.d.ts')) return [];
  const { diagnostics = [] } = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { jsx: ts.JsxEmit.Preserve },
  });
  return diagnostics.map((d) => `${relative(ROOT, file)}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

const backend = ['workflows', 'api', 'activities', 'config', 'domain', 'worker'];

test(`no function over ${MAX_LINES} lines in production code (the parts a bank deploys)`, () => {
  const files = backend.flatMap((d) => sources(join(ROOT, d)));
  expect(files.length).toBeGreaterThan(30);
  expect(files.flatMap((f) => longFunctions(f))).toEqual([]);
});

test(`no component or function over ${MAX_LINES} lines in the dashboard (web/src, .tsx included)`, () => {
  const files = sources(join(ROOT, 'web', 'src'));
  expect(files.filter((f) => f.endsWith('.tsx')).length).toBeGreaterThan(20);
  expect(files.flatMap(syntaxErrors)).toEqual([]);
  expect(files.flatMap((f) => longFunctions(f))).toEqual([]);
});

// A component of `lines` lines whose markup has a handler on each item, as a .tsx file's text. Read as plain TypeScript,
// its function would end on line 4, at the first handler.
function component(lines: number): string {
  const items = Array.from({ length: lines - 6 }, (_, i) => `      <li onClick={() => choose(${i})}>item ${i}</li>`);
  return ['export function Long() {', '  return (', '    <ul>', ...items, '    </ul>', '  );', '}'].join('\n');
}

test('a component is measured through its JSX, from its first line to its last', () => {
  expect(longFunctions(join(ROOT, 'web', 'src', 'long.tsx'), component(MAX_LINES + 1))).toEqual([
    `web/src/long.tsx:1 (${MAX_LINES + 1} lines)`,
  ]);
  expect(longFunctions(join(ROOT, 'web', 'src', 'long.tsx'), component(MAX_LINES))).toEqual([]);
});
