import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACCOUNT_EMAILS, DEMO_EMAIL_DOMAIN } from './development-values';

/** The seed's doctors, as scripts/seed-demo.mjs makes their emails (the name's slug). */
function seededDoctorEmails(): string[] {
  const source = readFileSync(join(__dirname, '../../../../scripts/demo-doctors.mjs'), 'utf8');
  const names = [...source.matchAll(/fullName: '([^']+)'/g)].map((match) => match[1]);
  return names.map(
    (name) =>
      `${name
        .toLowerCase()
        .replace(/^dr\.\s*/, '')
        .replace(/[^a-z]+/g, '.')}${DEMO_EMAIL_DOMAIN}`,
  );
}

describe('DEMO_ACCOUNT_EMAILS', () => {
  it('names every account the demo seed makes, so a production start refuses each', () => {
    const seeded = seededDoctorEmails();
    expect(seeded.length).toBeGreaterThan(10);
    expect(DEMO_ACCOUNT_EMAILS).toEqual(expect.arrayContaining([...seeded, `patient${DEMO_EMAIL_DOMAIN}`]));
  });
});
