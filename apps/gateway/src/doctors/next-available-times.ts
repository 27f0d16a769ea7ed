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

/**
 * "Next available" on search cards and profiles: each doctor's first free slot, from
 * appointment-service, kept per doctor like the slot listings it is the first answer of
 * (PerDoctorAnswers) and until that slot starts. A page's doctors missing from here are asked
 * for in one request.
 */
@Injectable()
export class NextAvailableTimes extends PerDoctorAnswers<string | null> {
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
    if (doctors.length === 0) return doctors;
    let asked: Promise<NextFreeSlotsView> | undefined;
    const ask = () =>
      (asked ??= this.services.send<NextFreeSlotsView>(
        AppointmentSubjects.nextFreeSlots,
        { doctorIds: doctors.map((doctor) => doctor.id) },
        NEXT_FREE_TIMEOUT_MS,
      ));
    const ttlMs = this.config.SLOT_LISTING_CACHE_TTL_SECONDS * 1000;
    const times = await bestEffort(
      Promise.all(
        doctors.map((doctor) => {
          const fetchOne = async () => (await ask()).nextFree[doctor.id] ?? null;
          if (ttlMs === 0) return fetchOne();
          return this.cache.answer(doctor.id, doctor.id, fetchOne, (start, now) =>
            Math.min(now + ttlMs, start ? Date.parse(start) : now + ttlMs),
          );
        }),
      ),
      this.logger,
      'next available times unavailable',
    );
    if (!times) return doctors;
    return doctors.map((doctor, i) => ({ ...doctor, nextAvailableAt: times[i] }));
  }
}
