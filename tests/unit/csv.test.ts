import { toCsv } from '../../domain/csv';

test('CSV quotes commas, quotes and line breaks, writes objects as JSON and absent values as empty fields', () => {
  const rows = [
    { a: 'plain', b: 'with, comma', c: { x: 1 } },
    { a: 'say "hi"', b: 'two\r\nlines', c: null },
  ];
  expect(toCsv(['a', 'b', 'c'], rows)).toBe(
    'a,b,c\r\nplain,"with, comma","{""x"":1}"\r\n"say ""hi""","two\r\nlines",\r\n',
  );
});

test('with guardFormulas, text a spreadsheet would run as a formula is prefixed with an apostrophe; numbers are not', () => {
  const rows = [
    { v: '=HYPERLINK("http://x")' },
    { v: '+1' },
    { v: '-2+3' },
    { v: '@SUM(A1)' },
    { v: -5 },
    { v: 'agent:Ana' },
  ];
  expect(toCsv(['v'], rows, { guardFormulas: true }).split('\r\n').slice(1, -1)).toEqual([
    `"'=HYPERLINK(""http://x"")"`,
    "'+1",
    "'-2+3",
    "'@SUM(A1)",
    '-5',
    'agent:Ana',
  ]);
  expect(toCsv(['v'], [{ v: '=1+1' }]).split('\r\n')[1]).toBe('=1+1');
});
