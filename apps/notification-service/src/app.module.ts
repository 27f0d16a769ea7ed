import { Module, type DynamicModule } from '@nestjs/common';
import { DataServiceModule } from '@arogyam/persistence';
import { emailSenderProvider, smsProviderProvider } from './channels/channel-providers';
import { ExternalChannels } from './channels/external-channels';
import { InAppChannel } from './channels/in-app.channel';
import { NotificationDispatcher } from './channels/notification-dispatcher';
import { RealtimePush } from './channels/realtime-push';
import { ChatReadPointer, ChatReadPointerSchema } from './chat-reads/chat-read-pointer.schema';
import { ChatReadPointers } from './chat-reads/chat-read-pointers';
import { Clock, SystemClock } from './clock/clock';
import { NotificationServiceConfig } from './config/notification-service.config';
import { AppointmentNotices } from './events/appointment-notices';
import { ChatNotices } from './events/chat-notices';
import { NotificationEventsConsumer } from './events/notification-events.consumer';
import { PrescriptionNotices } from './events/prescription-notices';
import { InboxHandler } from './notifications/inbox.handler';
import { InboxReadPush } from './notifications/inbox-read-push';
import { InboxService } from './notifications/inbox.service';
import { Notification, NotificationSchema } from './notifications/notification.schema';
import { Preferences, PreferencesSchema } from './preferences/preferences.schema';
import { PreferencesHandler } from './preferences/preferences.handler';
import { PreferencesService } from './preferences/preferences.service';
import { ContactDirectory } from './recipients/contact-directory';
import {
  AppointmentCancellation,
  AppointmentCancellationSchema,
} from './reminders/appointment-cancellation.schema';
import { ReminderClaim, ReminderClaimSchema } from './reminders/reminder-claim.schema';
import { ReminderPoller } from './reminders/reminder-poller';
import { ReminderSchedule } from './reminders/reminder-schedule.service';
import { Reminder, ReminderSchema } from './reminders/reminder.schema';
import { RetentionSweep } from './retention/retention-sweep';

/** What a test may replace: the clock, so it can move time instead of waiting for it. */
export interface AppModuleOverrides {
  clock?: Clock;
}

@Module({})
export class AppModule {
  static register(config: NotificationServiceConfig, overrides: AppModuleOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DataServiceModule.forService({
          service: 'notification',
          config,
          models: [
            { name: Notification.name, schema: NotificationSchema },
            { name: Preferences.name, schema: PreferencesSchema },
            { name: Reminder.name, schema: ReminderSchema },
            { name: ReminderClaim.name, schema: ReminderClaimSchema },
            { name: AppointmentCancellation.name, schema: AppointmentCancellationSchema },
            { name: ChatReadPointer.name, schema: ChatReadPointerSchema },
          ],
        }),
      ],
      controllers: [InboxHandler, PreferencesHandler],
      providers: [
        { provide: Clock, useValue: overrides.clock ?? new SystemClock() },
        emailSenderProvider,
        smsProviderProvider,
        InboxReadPush,
        InboxService,
        ChatReadPointers,
        PreferencesService,
        ContactDirectory,
        RealtimePush,
        InAppChannel,
        ExternalChannels,
        NotificationDispatcher,
        ReminderSchedule,
        ReminderPoller,
        RetentionSweep,
        AppointmentNotices,
        PrescriptionNotices,
        ChatNotices,
        NotificationEventsConsumer,
      ],
    };
  }
}
