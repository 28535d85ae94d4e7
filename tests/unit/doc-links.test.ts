// The README and docs/ link to each other and name files of the repository: every relative link must reach a
// file (and a heading, when it names one), and every `docs/….md` or test file named in backticks must exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const PAGES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

// GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens.
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
const anchors = (file: string) =>
  new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => /^#{1,6} /.test(l))
      .map((l) => slug(l.replace(/^#+ /, '').replace(/`/g, ''))),
  );
// Text outside fenced code blocks.
const prose = (file: string) => readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');

test.each(PAGES)('%s: every relative link reaches a file and heading', (page) => {
  const broken: string[] = [];
  for (const [, target] of prose(join(ROOT, page)).matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/.test(target!)) continue;
    const [path, anchor] = target!.split('#') as [string, string | undefined];
    const file = path ? join(ROOT, dirname(page), path) : join(ROOT, page);
    if (!existsSync(file)) broken.push(`${target} (no file ${relative(ROOT, file)})`);
    else if (anchor && file.endsWith('.md') && !anchors(file).has(anchor))
      broken.push(`${target} (no heading #${anchor})`);
  }
  expect(broken).toEqual([]);
});

test.each(PAGES)('%s: every docs page and test file it names in backticks exists', (page) => {
  const named = [...prose(join(ROOT, page)).matchAll(/`((?:docs|tests)\/[^`\s*<>]+\.(?:md|ts|json))`/g)].map(
    (m) => m[1]!,
  );
  expect(named.filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
});
