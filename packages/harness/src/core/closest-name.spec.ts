import { findClosestName } from './closest-name';

describe('findClosestName', () => {
  const options = ['maxLines', 'moduleMaxLines', 'chainBytes'];

  it.each([
    ['maxLine', 'maxLines'],
    ['maxlines', 'maxLines'],
    ['modulMaxLines', 'moduleMaxLines'],
    ['chainByte', 'chainBytes'],
  ])('suggests %s → %s', (name, expected) => {
    expect(findClosestName(name, options)).toBe(expected);
  });

  it('suggests nothing when no candidate is close', () => {
    expect(findClosestName('handlers', options)).toBeUndefined();
    expect(findClosestName('ab', ['xy'])).toBeUndefined();
    expect(findClosestName('anything', [])).toBeUndefined();
  });

  it('prefers the nearest of two close candidates', () => {
    expect(findClosestName('testDirs', ['testDir', 'testDirsX'])).toBe('testDir');
  });
});
