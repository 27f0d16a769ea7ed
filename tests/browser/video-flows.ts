import type { Page } from 'playwright-core';
import { waitFor } from '@arogyam/testing';
import type { httpClient } from '../e2e/http';

const HOUR = 3_600_000;

export interface BookedVisit {
  id: string;
  startAt: string;
}

/** Video appointments of the patient with the doctor at the next `count` free slots (within six hours). */
export async function bookVideoVisits(
  call: ReturnType<typeof httpClient>,
  doctorId: string,
  patientToken: string,
  count: number,
  reason: string,
): Promise<BookedVisit[]> {
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 6 * HOUR).toISOString();
  const slots = await call<{ slots: { startAt: string; available: boolean }[] }>(
    'GET',
    `/api/doctors/${doctorId}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );
  const booked: BookedVisit[] = [];
  for (const slot of slots.body.slots.filter((s) => s.available).slice(0, count)) {
    const answer = await call<BookedVisit>('POST', '/api/appointments', {
      token: patientToken,
      body: { doctorId, startAt: slot.startAt, mode: 'video', reason },
    });
    if (answer.status !== 201) throw new Error(`booking answered ${answer.status}`);
    booked.push(answer.body);
  }
  if (booked.length !== count) throw new Error(`only ${booked.length} of ${count} free slots`);
  return booked;
}

export interface MediaStats {
  bytesReceived: number;
  audioBytesReceived: number;
  framesDecoded: number;
}

/** Inbound media totals of the page's call, read from `window.__arogyamCall` (the call hook's test hook). */
export const inboundStats = (page: Page): Promise<MediaStats> =>
  page.evaluate(async () => {
    const pc = (window as unknown as { __arogyamCall?: RTCPeerConnection }).__arogyamCall;
    if (!pc) throw new Error('no call on this page');
    const totals = { bytesReceived: 0, audioBytesReceived: 0, framesDecoded: 0 };
    (await pc.getStats()).forEach((stat: Record<string, unknown>) => {
      if (stat.type !== 'inbound-rtp') return;
      totals.bytesReceived += Number(stat.bytesReceived ?? 0);
      if (stat.kind === 'video') totals.framesDecoded += Number(stat.framesDecoded ?? 0);
      if (stat.kind === 'audio') totals.audioBytesReceived += Number(stat.bytesReceived ?? 0);
    });
    return totals;
  });

/** The call screen's status line (the app shell also says "Connected", of its socket). */
export const callStatus = (page: Page, text: string) =>
  page.getByRole('region', { name: 'Video call' }).getByRole('status').getByText(text, { exact: true });

/** The width of the video the page's call receives now (0 before a frame was decoded). */
export const inboundVideoWidth = (page: Page): Promise<number> =>
  page.evaluate(async () => {
    const pc = (window as unknown as { __arogyamCall?: RTCPeerConnection }).__arogyamCall;
    if (!pc) throw new Error('no call on this page');
    let width = 0;
    (await pc.getStats()).forEach((stat: Record<string, unknown>) => {
      if (stat.type === 'inbound-rtp' && stat.kind === 'video')
        width = Math.max(width, Number(stat.frameWidth ?? 0));
    });
    return width;
  });

/** Polls the received width until `wanted` holds; answers it. */
export async function receivedWidth(
  page: Page,
  wanted: (width: number) => boolean,
  what: string,
): Promise<number> {
  const deadline = Date.now() + 20_000;
  let width = 0;
  while (Date.now() < deadline) {
    width = await inboundVideoWidth(page);
    if (wanted(width)) return width;
    await page.waitForTimeout(250);
  }
  throw new Error(`the received video never became ${what} (last ${width} pixels wide)`);
}

/**
 * Media flows into the page's call: decoded video frames and received bytes both grow over a
 * second. Looked at again for up to `timeoutMs`: a media session just set up (a rejoin) decodes its
 * first frame once a keyframe arrived, later on a busy machine, and a session replaced meanwhile
 * starts its counters again, which one reading before and one after would take for no growth.
 */
export async function expectMediaFlowing(page: Page, timeoutMs = 15_000): Promise<void> {
  const read = () => inboundStats(page).catch(() => undefined);
  await waitFor(
    async () => {
      const before = await read();
      await page.waitForTimeout(1000);
      const after = await read();
      return Boolean(
        before &&
        after &&
        after.framesDecoded > before.framesDecoded &&
        after.bytesReceived > before.bytesReceived,
      );
    },
    timeoutMs,
    'decoded video frames and received bytes growing over a second',
  );
}
