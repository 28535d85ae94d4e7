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

// Paths of the repository named in backticks (`api/services/x.ts`, `dev/sinks/`): every one must exist, so the
// architecture map and the recipes stay true as files move. A glob or a placeholder (`<name>`, `*`) is skipped.
const REPO_DIRS = 'api|activities|bench|config|dev|docs|domain|examples|prisma|tests|web|worker|workflows|\\.ci';
const repoPaths = (text: string) =>
  [...text.matchAll(new RegExp(`\`((?:${REPO_DIRS})/[^\`\\s*<>{}…]*)\``, 'g'))]
    .map((m) => m[1]!.replace(/[:#].*$/, ''))
    .filter((p) => !p.includes('...'));

// Folders git ignores (bench/results/) are made by running something; a page may name them before they exist.
const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n').filter(Boolean);
test.each(PAGES)('%s: every repository path it names in backticks exists', (page) => {
  const missing = repoPaths(prose(join(ROOT, page))).filter(
    (p) => !ignored.some((i) => p.startsWith(i)) && !existsSync(join(ROOT, p)),
  );
  expect([...new Set(missing)]).toEqual([]);
});

const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts);
test.each(PAGES)('%s: every `npm run <script>` it names is a script of package.json', (page) => {
  const named = [...readFileSync(join(ROOT, page), 'utf8').matchAll(/npm run (?:-s |--silent )?([a-z][\w:-]*)/g)].map(
    (m) => m[1]!,
  );
  expect([...new Set(named.filter((s) => !scripts.includes(s)))]).toEqual([]);
});

// A HOLDFAST_… variable a page names must be read somewhere in the code, or the page promises a switch that
// does nothing.
const SOURCE_DIRS = [
  'api',
  'activities',
  'config',
  'dev',
  'domain',
  'worker',
  'workflows',
  'bench',
  'tests',
  'web/src',
];
const sourceText = (dir: string): string =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .map((e) =>
      e.isDirectory()
        ? sourceText(join(dir, e.name))
        : /\.(ts|tsx|mts|cjs|mjs)$/.test(e.name)
          ? readFileSync(join(ROOT, dir, e.name), 'utf8')
          : '',
    )
    .join('\n');
const code = [...SOURCE_DIRS.map(sourceText), readFileSync(join(ROOT, '.ci', 'run'), 'utf8')].join('\n');
test.each(PAGES)('%s: every HOLDFAST_ variable it names is read by the code', (page) => {
  const named = [...readFileSync(join(ROOT, page), 'utf8').matchAll(/\b(HOLDFAST_[A-Z0-9_]+)\b/g)].map((m) => m[1]!);
  expect([...new Set(named.filter((v) => !code.includes(v)))]).toEqual([]);
});
