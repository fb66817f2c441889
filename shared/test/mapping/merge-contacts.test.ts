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
    expect(rows).toHaveLength(2);
    expect(rows[0].tags).toEqual(['t1', 't2']);
    expect(rowOf).toEqual([0, 1, 0]);
  });
});
