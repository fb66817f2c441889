import { collapseByEmail, mergeContactRows } from '@ecomail-bridge/shared';

describe('mergeContactRows / collapseByEmail', () => {
  it('lets the later row win, joins tags and custom fields', () => {
    const merged = mergeContactRows(
      { email: 'a@example.cz', name: 'Jana', tags: ['GoOut', 'drama'], custom_fields: { x: 1 } },
      { email: 'a@example.cz', surname: 'Nová', tags: ['GoOut', 'koncert'], custom_fields: { y: 2 } },
    );
    expect(merged).toEqual({
      email: 'a@example.cz',
      name: 'Jana',
      surname: 'Nová',
      tags: ['GoOut', 'drama', 'koncert'],
      custom_fields: { x: 1, y: 2 },
    });
  });

  it('collapses a batch to one row per e-mail, case-insensitively, keeping the mapping back', () => {
    const { rows, rowOf } = collapseByEmail([
      { email: 'a@example.cz', tags: ['t1'] },
      { email: 'b@example.cz' },
      { email: 'A@Example.cz', tags: ['t2'] },
    ]);
    expect(rows.map((row) => [row.email, row.tags])).toEqual([
      ['a@example.cz', ['t1', 't2']],
      ['b@example.cz', undefined],
    ]);
    expect(rowOf).toEqual([0, 1, 0]);
  });

  it('never lets an empty later value blank an earlier one, in fields or custom fields', () => {
    const merged = mergeContactRows(
      { email: 'a@example.cz', name: 'Jana', phone: '+420601000001', custom_fields: { city_code: 'BR', points: 5 } },
      { email: 'a@example.cz', name: 'Jana Marie', phone: '  ', custom_fields: { city_code: '', points: 7 } },
    );
    expect(merged).toEqual({ email: 'a@example.cz', name: 'Jana Marie', phone: '+420601000001', custom_fields: { city_code: 'BR', points: 7 } });
  });

  it('remembers the first input row of every collapsed row (the first spelling of the e-mail stays)', () => {
    expect(collapseByEmail([{ email: 'x@example.cz' }, { email: 'y@example.cz' }, { email: 'x@example.cz' }, { email: 'bad' }, { email: 'bad' }]).firstOf).toEqual([0, 1, 3]);
  });
});
