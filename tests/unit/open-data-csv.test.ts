import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteOrderMark, csvCell, toCsv } from '../../src/lib/open-data/csv';
import { blueprintCsv, fieldAt } from '../../src/lib/open-data/blueprint-csv';
import type { BlueprintRecord } from '../../src/lib/open-data/schemas';
import { parseCsv } from '../support/csv';

const read = (csv: string) => {
  expect(csv.startsWith(byteOrderMark)).toBe(true);
  return parseCsv(csv.slice(byteOrderMark.length));
};

describe('the CSV writer', () => {
  it('starts with a UTF-8 byte order mark and ends every row with CRLF', () => {
    const csv = toCsv(['a', 'b'], [['1', '2']]);
    expect(csv).toBe(`${byteOrderMark}"a","b"\r\n"1","2"\r\n`);
  });

  it('keeps commas, quotes and line breaks inside one cell', () => {
    const cell = 'Cost, "about" £1m\nover two\r\nyears';
    expect(csvCell(cell)).toBe('"Cost, ""about"" £1m\nover two\r\nyears"');
    expect(read(toCsv(['note'], [[cell]]))).toEqual([['note'], [cell]]);
  });

  it('keeps non-ASCII text as written', () => {
    const cell = 'Café ward – £50k to £250k, naïve 😀';
    expect(read(toCsv(['x'], [[cell]]))[1]).toEqual([cell]);
  });

  it.each(['=HYPERLINK("https://example.com")', '+1', '-1', '@SUM(A1)', '\tlead', '\rlead'])(
    'puts an apostrophe before a cell a spreadsheet would run as a formula: %j',
    (value) => {
      expect(read(toCsv(['x'], [[value]]))[1]).toEqual([`'${value}`]);
    },
  );

  it('leaves cells that only contain formula characters later on as they are', () => {
    expect(read(toCsv(['x'], [['a=b+c-d@e']]))[1]).toEqual(['a=b+c-d@e']);
  });

  it('refuses a row whose length differs from the header, naming the row', () => {
    expect(() => toCsv(['a', 'b'], [['1', '2'], ['3']])).toThrow(/row 2 has 1 cells, but the header has 2/);
  });

  it('reads back as the cells written, for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 3, maxLength: 3 }), { maxLength: 5 }), (rows) => {
        const defused = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
        expect(read(toCsv(['a', 'b', 'c'], rows))).toEqual([['a', 'b', 'c'], ...rows.map((r) => r.map(defused))]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the blueprint index columns', () => {
  const record = {
    slug: 'b',
    adaptedFrom: [{ blueprint: 'a', changes: 'Fewer wards.' }],
    adaptedInto: ['c', 'd'],
    adoptions: [{ organisation: 'x-trust', stage: 'live' }, { organisation: 'y-trust', stage: 'abandoned' }],
  };

  it('reads a dotted path through a list of objects as the list of each item’s value', () => {
    expect(fieldAt(record, 'adoptions.stage')).toEqual(['live', 'abandoned']);
    expect(fieldAt(record, 'adaptedFrom.blueprint')).toEqual(['a']);
    expect(fieldAt({ adoptions: [] }, 'adoptions.stage')).toEqual([]);
    expect(fieldAt({}, 'adoptions.stage')).toBeUndefined();
  });

  it('pairs adoptions’ organisations and stages item by item, and lists the lineage', () => {
    const [header, row] = read(blueprintCsv([record as unknown as BlueprintRecord]));
    const cell = (column: string) => row[header.indexOf(column)];
    expect(cell('adoptions.organisation')).toBe('x-trust; y-trust');
    expect(cell('adoptions.stage')).toBe('live; abandoned');
    expect(cell('adaptedFrom.blueprint')).toBe('a');
    expect(cell('adaptedInto')).toBe('c; d');
  });
});
