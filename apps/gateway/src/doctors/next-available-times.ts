import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { AppointmentSubjects, type DoctorSummary, type NextFreeSlotsView } from '@arogyam/contracts';
import { NATS_CONNECTION } from '@arogyam/messaging';
import { PerDoctorAnswers } from '../appointments/per-doctor-answers';
import { GatewayConfig } from '../config/gateway.config';
import { bestEffort } from '../http/best-effort';
import { ServiceClient } from '../http/service-client';

/** Search should not wait long for a nicety: without an answer, the cards simply show no time. */
const NEXT_FREE_TIMEOUT_MS = 1_500;

/** A doctor's first free slot (null: none in the lookahead), and until when it may be used. */
export interface NextAvailable {
  at: string | null;
  keptUntil: number;
}

/**
 * "Next available" on search cards and profiles: each doctor's first free slot, from
 * appointment-service, kept per doctor like the slot listings it is the first answer of
 * (PerDoctorAnswers) and until that slot starts. A page's doctors missing from here are asked
 * for in one request.
 */
@Injectable()
export class NextAvailableTimes extends PerDoctorAnswers<NextAvailable> {
  private readonly logger = new Logger(NextAvailableTimes.name);

  constructor(
    @Inject(NATS_CONNECTION) connection: NatsConnection,
    config: GatewayConfig,
    private readonly services: ServiceClient,
  ) {
    super(connection, config);
  }

  /** The doctors with `nextAvailableAt` set, or as they were if appointment-service did not answer. */
  async addTo<T extends DoctorSummary>(doctors: T[]): Promise<T[]> {
    const times = await this.of(doctors.map((doctor) => doctor.id));
    return times ? withNextAvailable(doctors, times) : doctors;
  }

  /** Each doctor's next available time, in order; undefined if appointment-service did not answer. */
  async of(doctorIds: string[]): Promise<NextAvailable[] | undefined> {
    if (doctorIds.length === 0) return [];
    let asked: Promise<NextFreeSlotsView> | undefined;
    const ask = () =>
      (asked ??= this.services.send<NextFreeSlotsView>(
        AppointmentSubjects.nextFreeSlots,
        { doctorIds },
        NEXT_FREE_TIMEOUT_MS,
      ));
    const ttlMs = this.config.SLOT_LISTING_CACHE_TTL_SECONDS * 1000;
    return bestEffort(
      Promise.all(
        doctorIds.map((doctorId) => {
          const fetchOne = async (): Promise<NextAvailable> => {
            const at = (await ask()).nextFree[doctorId] ?? null;
            const expiry = Date.now() + ttlMs;
            return { at, keptUntil: at ? Math.min(expiry, Date.parse(at)) : expiry };
          };
          if (ttlMs === 0) return fetchOne();
          return this.cache.answer(doctorId, doctorId, fetchOne, (next) => next.keptUntil);
        }),
      ),
      this.logger,
      'next available times unavailable',
    );
  }
}

/** The doctors with appointment-service's next available time in place of doctor-service's copy. */
export function withNextAvailable<T extends DoctorSummary>(doctors: T[], times: NextAvailable[]): T[] {
  return doctors.map((doctor, i) => ({ ...doctor, nextAvailableAt: times[i].at }));
}
