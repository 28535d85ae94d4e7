// The customer file's columns come from the PUT /v1/customers/:id schema; each row is read into that body or
// refused with every reason at once.
import {
  CsvHeaderError,
  CUSTOMER_CSV_COLUMNS,
  readCustomerHeader,
  readCustomerRow,
} from '../../api/services/customer-csv';

const HEADER = [
  'id',
  'name',
  'tier',
  'timeZone',
  'phone',
  'email',
  'preferredChannels',
  'consent.sms',
  'consent.email',
  'consent.phone',
  'assetsUnderManagement',
  'segment',
];
const columns = readCustomerHeader(HEADER);
const row = (over: Partial<Record<string, string>> = {}) =>
  HEADER.map(
    (h) =>
      over[h] ??
      {
        id: 'c-1',
        name: 'Ana',
        tier: 'mass',
        timeZone: 'Europe/Madrid',
        phone: '',
        email: '',
        preferredChannels: 'sms',
        'consent.sms': 'true',
        'consent.email': 'false',
        'consent.phone': 'false',
        assetsUnderManagement: '',
        segment: '',
      }[h]!,
  );

test('the columns are the customer fields as PUT takes them, nested ones dotted, plus id', () => {
  expect(CUSTOMER_CSV_COLUMNS.map((c) => c.name)).toEqual([
    'id',
    'name',
    'tier',
    'segment',
    'lifecycleStage',
    'assetsUnderManagement',
    'timeZone',
    'locale',
    'salutation',
    'phone',
    'email',
    'preferredChannels',
    'consent.sms',
    'consent.email',
    'consent.phone',
  ]);
  expect(CUSTOMER_CSV_COLUMNS.filter((c) => c.required).map((c) => c.name)).toEqual([
    'id',
    'name',
    'tier',
    'timeZone',
    'preferredChannels',
    'consent.sms',
    'consent.email',
    'consent.phone',
  ]);
});

test('a header with unknown, repeated or missing columns is refused whole, naming each', () => {
  const refusal = (header: string[]) => {
    try {
      readCustomerHeader(header);
    } catch (e) {
      expect(e).toBeInstanceOf(CsvHeaderError);
      return (e as Error).message;
    }
    throw new Error('accepted');
  };
  const message = refusal([
    'id',
    'name',
    'tier',
    'timeZone',
    'preferredChannels',
    'consent.sms',
    'consent.email',
    'Consent.Phone',
    'vip',
    'name',
  ]);
  expect(message).toContain('unknown columns "Consent.Phone", "vip"');
  expect(message).toContain('repeated column name');
  expect(message).toContain('missing required column consent.phone');
  expect(message).toContain('The columns are: id, name, tier, segment (optional)');
  // Spaces around a name are forgiven; the order is free.
  expect(
    readCustomerHeader([' consent.phone', ...HEADER.filter((h) => h !== 'consent.phone')]).map((c) => c.name)[0],
  ).toBe('consent.phone');
});

test('a row becomes the PUT body: dotted fields nest, lists split on ";", booleans and numbers are typed, empty optional cells are absent', () => {
  const read = readCustomerRow(
    columns,
    row({
      name: "Siobhán O'Brien",
      phone: '+353 86 123 4567',
      preferredChannels: 'sms; phone;',
      'consent.phone': 'TRUE',
      assetsUnderManagement: '120000.50',
      segment: '',
    }),
  );
  expect(read).toEqual({
    ok: true,
    id: 'c-1',
    customer: {
      name: "Siobhán O'Brien",
      tier: 'mass',
      timeZone: 'Europe/Madrid',
      phone: '+353861234567',
      preferredChannels: ['sms', 'phone'],
      consent: { sms: true, email: false, phone: true },
      assetsUnderManagement: 120000.5,
    },
  });
});

test('names in any script come through unchanged', () => {
  for (const name of ['山田 太郎', 'Nguyễn Thị Minh', 'Zoë d’Arcy-Núñez', 'Ólafur Þór', 'محمد']) {
    const read = readCustomerRow(columns, row({ name }));
    expect(read.ok && read.customer.name).toBe(name);
  }
});

test('a bad row is refused with every reason, by column, and keeps its id for the report', () => {
  const read = readCustomerRow(
    columns,
    row({ id: 'c-9', tier: 'gold', 'consent.sms': 'yes', assetsUnderManagement: '1,5', email: 'not-an-email' }),
  );
  expect(read.ok).toBe(false);
  if (read.ok) return;
  expect(read.id).toBe('c-9');
  expect(read.reason).toContain('consent.sms: "yes" is neither true nor false');
  expect(read.reason).toContain('assetsUnderManagement: "1,5" is not a number');
  // Cell problems are reported first; the schema's own checks follow once the cells read.
  const schemaRefusal = readCustomerRow(
    columns,
    row({ tier: 'gold', email: 'not-an-email', timeZone: 'Mars/Olympus' }),
  );
  expect(!schemaRefusal.ok && schemaRefusal.reason.split('; ').map((r) => r.split(':')[0])).toEqual([
    'tier',
    'timeZone',
    'email',
  ]);
});

test('required cells must not be empty; the field count must match the header; NUL is refused', () => {
  const empty = readCustomerRow(columns, row({ name: ' ', preferredChannels: '' }));
  expect(!empty.ok && empty.reason).toBe(
    'name: empty, and it is required; preferredChannels: empty, and it is required',
  );
  const short = readCustomerRow(columns, ['c-2', 'Ana', 'mass']);
  expect(short).toEqual({ ok: false, id: 'c-2', reason: 'the row has 3 fields and the header 12' });
  const nul = readCustomerRow(columns, row({ name: 'A\u0000na' }));
  expect(!nul.ok && nul.reason).toBe('name: contains a NUL character');
  const badId = readCustomerRow(columns, row({ id: 'c 1/x' }));
  expect(!badId.ok && badId.reason).toMatch(/^id: ids use letters/);
});
