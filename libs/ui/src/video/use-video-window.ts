import { useEffect, useState } from 'react';
import type { VideoWindowView } from '@arogyam/contracts';
import type { ApiClient } from '../api/api-client';
import type { Appointment } from '../api/types';

export type { VideoWindowView } from '@arogyam/contracts';

const MINUTE = 60_000;
const ACTIVE = new Set(['booked', 'checked_in', 'in_consultation']);

/** Asked once per page load: video-service's settings do not change while it runs. */
let asked: Promise<VideoWindowView> | undefined;

/** When video calls may be joined (`GET /api/video/window`); null until known, or if it cannot be read. */
export function useVideoWindow(api: ApiClient): VideoWindowView | null {
  const [window, setWindow] = useState<VideoWindowView | null>(null);
  useEffect(() => {
    let cancelled = false;
    asked ??= api.get<VideoWindowView>('/video/window');
    asked
      .then((answer) => {
        if (!cancelled) setWindow(answer);
      })
      .catch(() => {
        asked = undefined; // ask again next time
      });
    return () => {
      cancelled = true;
    };
  }, [api]);
  return window;
}

/** Whether the appointment's video call can be joined at `now`: a video appointment, active, inside the window. */
export function videoVisitOpen(
  appointment: Pick<Appointment, 'mode' | 'status' | 'startAt' | 'endAt'>,
  window: VideoWindowView,
  now = Date.now(),
): boolean {
  if (appointment.mode !== 'video' || !ACTIVE.has(appointment.status)) return false;
  const opens = Date.parse(appointment.startAt) - window.joinEarlyMinutes * MINUTE;
  const closes = Date.parse(appointment.endAt) + window.joinLateMinutes * MINUTE;
  return now >= opens && now <= closes;
}

/** Re-renders every `ms`, so a button that appears at a time appears without a reload. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
