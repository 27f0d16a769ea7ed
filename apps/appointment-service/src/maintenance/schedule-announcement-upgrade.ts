import { Injectable } from '@nestjs/common';
import {
  InjectOutboxRelay,
  OutboxRelay,
  UpgradeAtStartupProvider,
  type StartupUpgrade,
} from '@arogyam/persistence';
import { AvailabilityRepository } from '../availability/availability.repository';
import { Availability } from '../availability/availability.schema';
import { schedulePublished } from '../availability/schedule-published';

const BATCH = 200;

/**
 * At start-up, announces the schedules stored before `evt.appointment.schedule_published`
 * existed, once each, so analytics knows every doctor's hours (from now on) without each doctor
 * saving them again. Safe while serving and across instances (the announcement is conditional on
 * not being announced); a failure is logged and retried on the next start.
 */
@Injectable()
export class ScheduleAnnouncementUpgrade extends UpgradeAtStartupProvider {
  constructor(
    private readonly availabilities: AvailabilityRepository,
    @InjectOutboxRelay(Availability.name) private readonly relay: OutboxRelay<Availability>,
  ) {
    super();
  }

  protected override upgrade(): StartupUpgrade {
    return {
      run: () => this.announceUnannounced(),
      changed: (count) => `Announced ${count} schedules stored by an earlier version.`,
      retried: 'Older schedules are announced on the next start',
    };
  }

  private async announceUnannounced(): Promise<number> {
    let announced = 0;
    for (;;) {
      const batch = await this.availabilities.unannounced(BATCH);
      const before = announced;
      for (const schedule of batch) {
        if (await this.availabilities.announce(schedule._id, schedulePublished(schedule._id, schedule))) {
          announced += 1;
          void this.relay.flush(schedule._id);
        }
      }
      // A short batch was the last; a full one that announced nothing would come back the same.
      if (batch.length < BATCH || announced === before) return announced;
    }
  }
}
