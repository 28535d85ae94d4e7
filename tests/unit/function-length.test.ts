// Production code (workflows/, api/, activities/, config/, domain/, worker/) keeps functions short enough to read at once: none
// over 60 lines. A longer one is split into named steps (see docs/architecture.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const MAX_LINES = 60;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function longFunctions(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
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

test(`no function over ${MAX_LINES} lines in production code (the parts a bank deploys)`, () => {
  const files = ['workflows', 'api', 'activities', 'config', 'domain', 'worker'].flatMap((d) => sources(join(ROOT, d)));
  expect(files.length).toBeGreaterThan(30);
  expect(files.flatMap(longFunctions)).toEqual([]);
});
