import { verificationDecisionEmail } from './verification-message';

const link = 'https://doctors.example/';

describe('verification decision email', () => {
  it('gives a rejected doctor the reason and the way back to review', () => {
    const email = verificationDecisionEmail(
      {
        fullName: 'Anaya Verma',
        decision: 'rejected',
        note: 'Registration number not in the state register',
        link,
      },
      'en',
    );
    expect(email.subject).toBe('Your Arogyam registration could not be verified');
    expect(email.text).toContain('Hello Dr. Anaya Verma,');
    expect(email.text).toContain('Reason: Registration number not in the state register');
    expect(email.text).toContain('send them for review again');
    expect(email.text).toContain(link);
  });

  it('tells an approved doctor they are listed, with the note only when there is one', () => {
    const email = verificationDecisionEmail({ fullName: 'Dr. Ravi Kumar', decision: 'approved', link }, 'en');
    expect(email.subject).toBe('Your Arogyam registration is verified');
    expect(email.text).toContain('Hello Dr. Ravi Kumar,');
    expect(email.text).not.toContain('Note from the reviewer');
    expect(
      verificationDecisionEmail({ fullName: 'Ravi', decision: 'approved', note: 'Checked', link }, 'en').text,
    ).toContain('Note from the reviewer: Checked');
  });
});
