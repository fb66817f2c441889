import { detectGender } from '@ecomail-bridge/shared';

describe('detectGender', () => {
  test.each([
    'Petr', 'Jan', 'Jiří', 'Tomáš', 'Mikuláš', 'Ilja', 'Saša', 'Kuba', 'Honza', 'Ivo', 'Oto', 'Hugo',
    'René', 'Peter', 'Ján', 'Jozef', 'Ľuboš', 'Mike', 'Jimmy', 'Sáva', 'Vojta',
  ])('%s is male', (name) => {
    expect(detectGender(name)).toBe('male');
  });

  test.each([
    'Jana', 'Marie', 'Lucie', 'Nikola', 'Dagmar', 'Ester', 'Miriam', 'Karin', 'Ingrid', 'Rút', 'Noemi',
    'Nikol', 'Mária', 'Ľubica', 'Zoe', 'Alice', 'Carmen', 'Ruth',
  ])('%s is female', (name) => {
    expect(detectGender(name)).toBe('female');
  });

  test.each([
    ['JIRI', 'male'],
    ['sarka', 'female'],
    ['  Ing. Jana ', 'female'],
    ['Anna-Marie', 'female'],
    ['Jan Pavel', 'male'],
    ['Leontýna', 'female'],
    ['Bořislav', 'male'],
    ['Brunhilde', 'female'],
  ])('%j → %s (typed loosely or not in the table)', (name, gender) => {
    expect(detectGender(name)).toBe(gender);
  });

  test.each(['', '  ', 'X', 'Kiki', 'Ayu', 'Ashlí', '123'])('%j → undefined', (name) => {
    expect(detectGender(name)).toBeUndefined();
  });
});
