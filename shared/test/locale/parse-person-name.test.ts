import { parsePersonName, type PersonName } from '@ecomail-bridge/shared';

const name = (firstName: string | null, lastName: string | null, pretitle: string | null = null, surtitle: string | null = null): PersonName => ({
  firstName,
  lastName,
  pretitle,
  surtitle,
});

describe('parsePersonName', () => {
  test.each([
    [{ firstName: 'Petr', lastName: 'Novák' }, name('Petr', 'Novák')],
    [{ firstName: '  Petr  ', lastName: ' Novák ' }, name('Petr', 'Novák')],
    [{ firstName: 'PETR', lastName: 'NOVÁK' }, name('Petr', 'Novák')],
    [{ firstName: 'jana', lastName: 'nováková' }, name('Jana', 'Nováková')],
    [{ firstName: 'jAN', lastName: 'nOVÁK' }, name('Jan', 'Novák')],
    [{ firstName: 'Ronald', lastName: 'McDonald' }, name('Ronald', 'McDonald')],
    [{ firstName: 'Jan', lastName: 'van der Berg' }, name('Jan', 'van der Berg')],
    [{ firstName: 'Jan   Pavel', lastName: 'Novák' }, name('Jan Pavel', 'Novák')],
    [{ firstName: 'anna-marie', lastName: 'NOVÁKOVÁ-DVOŘÁKOVÁ' }, name('Anna-Marie', 'Nováková-Dvořáková')],
    [{ firstName: 'Jana', lastName: 'Nováková - Dvořáková' }, name('Jana', 'Nováková-Dvořáková')],
    [{ firstName: 'Petr,', lastName: 'Novák,' }, name('Petr', 'Novák')],
    [{ firstName: 'Sean', lastName: "o'neil" }, name('Sean', "O'Neil")],
    [{ firstName: null, lastName: null }, name(null, null)],
    [{}, name(null, null)],
    [{ firstName: ' ', lastName: '' }, name(null, null)],
  ])('%j', (input, expected) => {
    expect(parsePersonName(input)).toEqual(expected);
  });

  test.each([
    [{ firstName: 'Ing. Petr', lastName: 'Novák' }, name('Petr', 'Novák', 'Ing.')],
    [{ firstName: 'Petr', lastName: 'Novák Ph.D.' }, name('Petr', 'Novák', null, 'Ph.D.')],
    [{ firstName: 'Petr', lastName: 'Novák, Ph. D.' }, name('Petr', 'Novák', null, 'Ph.D.')],
    [{ firstName: 'Petr', lastName: 'Novák PhD' }, name('Petr', 'Novák', null, 'Ph.D.')],
    [{ firstName: 'ing.arch. Petr', lastName: 'Novák' }, name('Petr', 'Novák', 'Ing. arch.')],
    [{ firstName: 'ING ARCH PETR', lastName: 'NOVÁK' }, name('Petr', 'Novák', 'Ing. arch.')],
    [{ firstName: 'prof. MUDr. Jan', lastName: 'Novák, DrSc.' }, name('Jan', 'Novák', 'prof. MUDr.', 'DrSc.')],
    [{ firstName: 'Mgr. et Mgr. Jana', lastName: 'Nováková' }, name('Jana', 'Nováková', 'Mgr. et Mgr.')],
    [{ firstName: 'Bc. Jana', lastName: 'Nováková, DiS.' }, name('Jana', 'Nováková', 'Bc.', 'DiS.')],
    [{ firstName: 'JUDr. Petr', lastName: 'Novák, LL.M., MBA' }, name('Petr', 'Novák', 'JUDr.', 'LL.M. MBA')],
    [{ firstName: 'doc. RNDr. Eva', lastName: 'Svobodová, CSc.' }, name('Eva', 'Svobodová', 'doc. RNDr.', 'CSc.')],
    [{ firstName: 'PaedDr. PhDr. Jan', lastName: 'Novák' }, name('Jan', 'Novák', 'PaedDr. PhDr.')],
    [{ firstName: 'MVDr. Jan', lastName: 'Novák, MSc.' }, name('Jan', 'Novák', 'MVDr.', 'MSc.')],
    [{ firstName: 'BcA. MgA. Jan', lastName: 'Novák' }, name('Jan', 'Novák', 'BcA. MgA.')],
    [{ firstName: 'MDDr. Jana', lastName: 'Nováková' }, name('Jana', 'Nováková', 'MDDr.')],
    [{ firstName: 'PharmDr. Jana', lastName: 'Nováková' }, name('Jana', 'Nováková', 'PharmDr.')],
    [{ firstName: 'ThDr. Jan', lastName: 'Novák, Th.D.' }, name('Jan', 'Novák', 'ThDr.', 'Th.D.')],
    [{ firstName: 'Dr. Jan', lastName: 'Novák' }, name('Jan', 'Novák', 'Dr.')],
  ])('titles: %j', (input, expected) => {
    expect(parsePersonName(input)).toEqual(expected);
  });

  test.each([
    [{ firstName: 'Ing. Petr Novák' }, name('Petr', 'Novák', 'Ing.')],
    [{ firstName: 'MUDr. Jana Nováková, CSc.' }, name('Jana', 'Nováková', 'MUDr.', 'CSc.')],
    [{ firstName: 'Jan Pavel Novák', lastName: '' }, name('Jan Pavel', 'Novák')],
    [{ firstName: 'jan van der berg' }, name('Jan', 'van der Berg')],
    [{ lastName: 'Petr Novák' }, name('Petr', 'Novák')],
    [{ lastName: 'Novák Petr' }, name('Petr', 'Novák')],
    [{ firstName: 'NOVÁKOVÁ JANA', lastName: null }, name('Jana', 'Nováková')],
    [{ firstName: 'Petr' }, name('Petr', null)],
    [{ lastName: 'Novák' }, name(null, 'Novák')],
  ])('full name in one field: %j', (input, expected) => {
    expect(parsePersonName(input)).toEqual(expected);
  });
});
