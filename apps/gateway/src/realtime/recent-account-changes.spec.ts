import { RecentAccountChanges } from './recent-account-changes';

describe('RecentAccountChanges', () => {
  const at = (iso: string): Date => new Date(iso);

  it('remembers a change for a minute after hearing of it', () => {
    let now = 0;
    const recent = new RecentAccountChanges(60_000, () => now);
    recent.heard('u1', at('2026-11-25T10:00:00Z'));

    now = 59_999;
    expect(recent.has('u1')).toBe(true);
    expect(recent.has('u2')).toBe(false);
    now = 60_000;
    expect(recent.has('u1')).toBe(false);
  });

  it('forgets it when a later change undoes it, not when an earlier one arrives late', () => {
    const recent = new RecentAccountChanges(60_000, () => 0);
    recent.heard('u1', at('2026-11-25T10:00:05Z'));

    recent.undone('u1', at('2026-11-25T10:00:00Z'));
    expect(recent.has('u1')).toBe(true);
    recent.undone('u1', at('2026-11-25T10:00:06Z'));
    expect(recent.has('u1')).toBe(false);
  });
});
