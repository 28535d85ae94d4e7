// The dashboard's catalogues (web/src/i18n): English is the source; zh-CN has exactly the same keys and no empty
// text (a string added in one language only is a defect), and every t('…') key the dashboard uses is in English.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { en } from '../../web/src/i18n/en';
import zhCN from '../../web/src/i18n/zh-CN';

const WEB = join(__dirname, '..', '..', 'web', 'src');

function entries(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([k, v]): [string, unknown][] => {
    const key = prefix ? `${prefix}.${k}` : k;
    return v && typeof v === 'object' ? entries(v, key) : [[key, v]];
  });
}
const leaves = (tree: object): Record<string, unknown> => Object.fromEntries(entries(tree));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(path) && !path.endsWith('.d.ts') ? [path] : [];
  });
}

// Keys written literally as t('a.b'), and the fixed prefix of template keys t(`role.${x}`).
function usedKeys(file: string): { literal: string[]; prefixes: string[] } {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
  const literal: string[] = [];
  const prefixes: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) literal.push(arg.text);
      else if (arg && ts.isTemplateExpression(arg)) prefixes.push(arg.head.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literal, prefixes };
}

test('zh-CN has exactly the keys of English', () => {
  expect(Object.keys(leaves(zhCN)).sort()).toEqual(Object.keys(leaves(en)).sort());
});

test('no catalogue has an empty or non-text value', () => {
  for (const catalogue of [en, zhCN]) {
    const bad = Object.entries(leaves(catalogue)).filter(([, v]) => typeof v !== 'string' || !v.trim());
    expect(bad).toEqual([]);
  }
});

test('interpolations are the same in both languages', () => {
  const vars = (s: unknown) => [...String(s).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
  const zh = leaves(zhCN);
  const differ = Object.entries(leaves(en)).filter(([k, v]) => vars(v).join() !== vars(zh[k]).join());
  expect(differ.map(([k]) => k)).toEqual([]);
});

test("every t('…') key used in web/src is in the English catalogue", () => {
  const known = Object.keys(leaves(en));
  const missing = sources(WEB).flatMap((file) => {
    const { literal, prefixes } = usedKeys(file);
    const where = relative(WEB, file);
    return [
      ...literal.filter((k) => !known.includes(k)).map((k) => `${where}: ${k}`),
      ...prefixes.filter((p) => !known.some((k) => k.startsWith(p))).map((p) => `${where}: ${p}…`),
    ];
  });
  expect(missing).toEqual([]);
});
