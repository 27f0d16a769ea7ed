import { RecentSuspensions } from './recent-suspensions';

describe('RecentSuspensions', () => {
  const at = (iso: string): Date => new Date(iso);

  it('remembers a suspension for a minute after hearing of it', () => {
    let now = 0;
    const recent = new RecentSuspensions(60_000, () => now);
    recent.suspended('u1', at('2026-11-25T10:00:00Z'));

    now = 59_999;
    expect(recent.has('u1')).toBe(true);
    expect(recent.has('u2')).toBe(false);
    now = 60_000;
    expect(recent.has('u1')).toBe(false);
  });

  it('forgets it on a later reactivation, not on an earlier one arriving late', () => {
    const recent = new RecentSuspensions(60_000, () => 0);
    recent.suspended('u1', at('2026-11-25T10:00:05Z'));

    recent.reactivated('u1', at('2026-11-25T10:00:00Z'));
    expect(recent.has('u1')).toBe(true);
    recent.reactivated('u1', at('2026-11-25T10:00:06Z'));
    expect(recent.has('u1')).toBe(false);
  });
});
