import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppointmentSubjects, type NextFreeSlotsMessage, type NextFreeSlotsView } from '@arogyam/contracts';
import { RpcClient } from '@arogyam/messaging';
import { PeriodicRounds } from '@arogyam/service-kit';
import { DoctorServiceConfig } from '../config/doctor-service.config';
import { DoctorRepository } from '../profiles/doctor.repository';
import { NextFreeTimesService } from './next-free-times.service';

/** Doctors whose first free slot passed, per round: the start of an index walk, so a round costs this many. */
const PASSED_PER_ROUND = 200;
/** Doctors with nothing free, rechecked per round, longest unchecked first. */
const UNCHECKED_PER_ROUND = 100;
/** A doctor with nothing free in appointment-service's lookahead is asked again after this long. */
const NOTHING_FREE_RECHECK_MS = 6 * 60 * 60_000;
/** appointment-service answers at most this many doctors per request (NextFreeSlotsMessage). */
const DOCTORS_PER_REQUEST = 50;

/**
 * What no event says: time passing. A doctor's stored first free slot goes stale when it starts
 * (the next one is later), and a doctor with nothing free may get a free day as appointment-service's
 * lookahead moves on. Every NEXT_FREE_SWEEP_SECONDS, on every instance (writes keep the later-computed
 * answer, so instances need no coordination), the doctors whose time passed and a batch of those
 * with nothing free are asked of appointment-service (`appointment.slot.next_free`) and stored.
 * Bounded per round; each query is an index walk of the "soonest" order (doctor.repository.ts).
 */
@Injectable()
export class NextFreeSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NextFreeSweep.name);
  private readonly rounds = new PeriodicRounds(
    'Next free time sweep',
    async () => void (await this.round()),
    this.logger,
  );

  constructor(
    private readonly doctors: DoctorRepository,
    private readonly freeTimes: NextFreeTimesService,
    private readonly rpc: RpcClient,
    private readonly config: DoctorServiceConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NEXT_FREE_SWEEP_SECONDS > 0) this.rounds.start(this.config.NEXT_FREE_SWEEP_SECONDS);
  }

  onModuleDestroy(): Promise<void> {
    return this.rounds.stop();
  }

  /** One round; answers how many doctors it asked for. */
  async round(now = new Date()): Promise<number> {
    const [passed, unchecked] = await Promise.all([
      this.doctors.listedWithPassedNextFree(now, PASSED_PER_ROUND),
      this.doctors.listedWithoutFreeTimeCheckedBefore(
        new Date(now.getTime() - NOTHING_FREE_RECHECK_MS),
        UNCHECKED_PER_ROUND,
      ),
    ]);
    const doctorIds = [...passed, ...unchecked];
    for (let i = 0; i < doctorIds.length; i += DOCTORS_PER_REQUEST)
      await this.refresh(doctorIds.slice(i, i + DOCTORS_PER_REQUEST));
    return doctorIds.length;
  }

  private async refresh(doctorIds: string[]): Promise<void> {
    const computedAt = new Date();
    const message: NextFreeSlotsMessage = { doctorIds };
    const { nextFree } = await this.rpc.send<NextFreeSlotsView>(AppointmentSubjects.nextFreeSlots, message);
    for (const doctorId of doctorIds) {
      const start = nextFree[doctorId];
      await this.freeTimes.record(doctorId, start ? new Date(start) : null, computedAt);
    }
  }
}
