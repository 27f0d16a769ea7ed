import { Module, type DynamicModule } from '@nestjs/common';
import { DataServiceModule } from '@arogyam/persistence';
import { emailSenderProvider, smsProviderProvider } from './channels/channel-providers';
import { ExternalChannels } from './channels/external-channels';
import { InAppChannel } from './channels/in-app.channel';
import { NotificationDispatcher } from './channels/notification-dispatcher';
import { RealtimePush } from './channels/realtime-push';
import { chatReadPointerModel, ChatReadPointerRepository } from './chat-reads/chat-read-pointer.repository';
import { Clock, SystemClock } from './clock/clock';
import { NotificationServiceConfig } from './config/notification-service.config';
import { AccountLanguages } from './events/account-languages';
import { AppointmentNotices } from './events/appointment-notices';
import { CallNotices } from './events/call-notices';
import { ChatNotices } from './events/chat-notices';
import { NotificationEventsConsumer } from './events/notification-events.consumer';
import { PatientErasure } from './data-rights/patient-erasure';
import { PasswordResetNotices } from './events/password-reset-notices';
import { VerificationNotices } from './events/verification-notices';
import { AppLinks } from './messages/app-links';
import { PrescriptionNotices } from './events/prescription-notices';
import { InboxHandler } from './notifications/inbox.handler';
import { InboxReadPush } from './notifications/inbox-read-push';
import { InboxService } from './notifications/inbox.service';
import { notificationModel, NotificationRepository } from './notifications/notification.repository';
import { PreferencesHandler } from './preferences/preferences.handler';
import { preferencesModel, PreferencesRepository } from './preferences/preferences.repository';
import { PreferencesService } from './preferences/preferences.service';
import { ContactCopyRepository } from './recipients/contact-copy.repository';
import { ContactDirectory } from './recipients/contact-directory';
import { ContactEvents } from './recipients/contact-events';
import {
  appointmentCancellationModel,
  AppointmentCancellationRepository,
} from './reminders/appointment-cancellation.repository';
import { reminderClaimModel, ReminderClaimRepository } from './reminders/reminder-claim.repository';
import { ReminderPoller } from './reminders/reminder-poller';
import { ReminderSchedule } from './reminders/reminder-schedule.service';
import { reminderModel, ReminderRepository } from './reminders/reminder.repository';
import { RetentionSweep } from './retention/retention-sweep';
import {
  retentionSweepProgressModel,
  RetentionSweepProgressRepository,
} from './retention/retention-sweep-progress.repository';
import { PatientDataExportHandler } from './data-rights/patient-data-export.handler';

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
            notificationModel,
            preferencesModel,
            reminderModel,
            reminderClaimModel,
            appointmentCancellationModel,
            chatReadPointerModel,
            retentionSweepProgressModel,
          ],
        }),
      ],
      controllers: [InboxHandler, PreferencesHandler, PatientDataExportHandler],
      providers: [
        { provide: Clock, useValue: overrides.clock ?? new SystemClock() },
        NotificationRepository,
        PreferencesRepository,
        ReminderRepository,
        ReminderClaimRepository,
        AppointmentCancellationRepository,
        ChatReadPointerRepository,
        RetentionSweepProgressRepository,
        emailSenderProvider,
        smsProviderProvider,
        InboxReadPush,
        InboxService,
        PreferencesService,
        ContactCopyRepository,
        ContactDirectory,
        ContactEvents,
        RealtimePush,
        InAppChannel,
        ExternalChannels,
        NotificationDispatcher,
        ReminderSchedule,
        ReminderPoller,
        RetentionSweep,
        AppointmentNotices,
        AccountLanguages,
        PrescriptionNotices,
        ChatNotices,
        CallNotices,
        PasswordResetNotices,
        VerificationNotices,
        AppLinks,
        NotificationEventsConsumer,
        PatientErasure,
      ],
    };
  }
}
