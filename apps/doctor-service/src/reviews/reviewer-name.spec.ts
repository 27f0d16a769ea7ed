import { reviewerName } from './reviewer-name';

describe('reviewerName', () => {
  it('gives the first name and the last name’s initial', () => {
    expect(reviewerName('Arjun Dev')).toBe('Arjun D.');
    expect(reviewerName('  Arjun  Dev Sharma ')).toBe('Arjun S.');
    expect(reviewerName('ravi kumar')).toBe('ravi K.');
  });

  it('keeps a single name and never answers an empty one', () => {
    expect(reviewerName('Madhavi')).toBe('Madhavi');
    expect(reviewerName('   ')).toBe('A patient');
  });
});
