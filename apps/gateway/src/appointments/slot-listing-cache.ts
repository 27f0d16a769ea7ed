import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { SlotListView } from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { GatewayConfig } from '../config/gateway.config';
import { SentJson } from '../http/sent-json';
import { PerDoctorAnswers } from './per-doctor-answers';

/**
 * A listing as sent (a 30-day round-the-clock listing is 131 KB of JSON, 11 KB gzipped), and when
 * its first slot still ahead starts.
 */
export class SentListing extends SentJson {
  readonly nextSlotStart: number;

  constructor(listing: SlotListView, now: number) {
    super(listing);
    this.nextSlotStart = nextSlotStart(listing, now);
  }
}

/**
 * Recent slot listings per doctor, so a doctor's page viewed by many patients at once costs one
 * listing in appointment-service, not one each. Each `appointment.slots.changed` drops that
 * doctor's listings (and stores none for SLOT_LISTING_CACHE_SETTLE_MS while the other
 * appointment-service instances catch up; AnswerCache); appointment-service publishes it before
 * it answers the change, so the patient who booked sees the slot taken on their next listing
 * through any gateway. A listing also expires when its next slot starts (that slot stops being
 * available by time alone) and after SLOT_LISTING_CACHE_TTL_SECONDS, which bounds what a lost
 * notice could leave; a NATS reconnect, when notices are lost, drops everything. The booking
 * itself never trusts a listing: the unique slot key decides. Listings are kept as the bytes
 * sent (serializing a 130 KB listing again for every patient was most of a cached answer's cost).
 */
@Injectable()
export class SlotListingCache extends PerDoctorAnswers<SentListing> {
  constructor(@Inject(NATS_CONNECTION) connection: NatsConnection, config: GatewayConfig) {
    super(connection, config);
  }

  /** The doctor's cached listing of [from, to), or `list()`'s, remembered if nothing changed meanwhile. */
  async answer(
    doctorId: string,
    range: { from: string; to: string },
    list: () => Promise<SlotListView>,
  ): Promise<SentListing> {
    const ttlMs = this.config.SLOT_LISTING_CACHE_TTL_SECONDS * 1000;
    const send = async (): Promise<SentListing> => new SentListing(await list(), Date.now());
    if (ttlMs === 0) return send();
    return this.cache.answer(JSON.stringify([doctorId, range.from, range.to]), doctorId, send, (sent, now) =>
      Math.min(now + ttlMs, sent.nextSlotStart),
    );
  }
}

/** When the first slot still ahead starts (slots are in start order); never if none is. */
function nextSlotStart(listing: SlotListView, now: number): number {
  for (const slot of listing.slots) {
    const start = Date.parse(slot.startAt);
    if (start > now) return start;
  }
  return Number.POSITIVE_INFINITY;
}
