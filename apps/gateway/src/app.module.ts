import { Module, type DynamicModule, type ExecutionContext } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule, seconds } from '@nestjs/throttler';
import type { Request } from 'express';
import { AuthModule, tokenSigningKey } from '@arogyam/auth';
import type { NatsConnection } from 'nats';
import { MessagingModule, NATS_CONNECTION } from '@arogyam/messaging';
import { AdminController } from './admin/admin.controller';
import { ActorNames } from './audit/actor-names';
import { AuditController } from './audit/audit.controller';
import { AnalyticsController } from './analytics/analytics.controller';
import { DoctorNames } from './doctors/doctor-names';
import { DeadLetterBox } from './admin/dead-letters/dead-letter-box';
import { SharedCounts } from './http/throttling/shared-counts';
import { SharedThrottlerStorage } from './http/throttling/shared-throttler-storage';
import { UserBudgetGuard, UserBudgets } from './http/throttling/user-budget';
import { DeadLettersController } from './admin/dead-letters/dead-letters.controller';
import { AdminAppointmentsController } from './appointments/admin-appointments.controller';
import { AppointmentsController } from './appointments/appointments.controller';
import { BookingPolicyController } from './appointments/booking-policy.controller';
import { DoctorScheduleController } from './appointments/doctor-schedule.controller';
import { AdminCaseStudiesController } from './case-studies/admin-case-studies.controller';
import { CaseStudiesController } from './case-studies/case-studies.controller';
import { ChatController } from './chat/chat.controller';
import { ChatGateway } from './chat/chat.gateway';
import { GatewayConfig } from './config/gateway.config';
import { GatewayConfigModule } from './config/gateway-config.module';
import { DoctorSearchCache } from './doctors/doctor-search-cache';
import { SlotListingCache } from './appointments/slot-listing-cache';
import { NextAvailableTimes } from './doctors/next-available-times';
import { SentSearchPages } from './doctors/sent-search-pages';
import { QueuePayments } from './appointments/queue-payments';
import { PatientHistory } from './appointments/patient-history';
import { DoctorsController } from './doctors/doctors.controller';
import { HealthController } from './health/health.controller';
import { ServiceClientModule } from './http/service-client.module';
import { UserServiceAccountStatusChecker } from './identity/account-status.checker';
import { IdentityController } from './identity/identity.controller';
import { PrivacyNoticeController } from './privacy/privacy-notice.controller';
import { DataExportController } from './data-export/data-export.controller';
import { DataExportFileStore } from './data-export/data-export-file-store';
import { RegistrationService } from './identity/registration.service';
import { SessionsController } from './identity/sessions.controller';
import { AccountPreferencesController } from './identity/account-preferences.controller';
import { PasswordController } from './identity/password.controller';
import { PatientErasureController } from './data-rights/patient-erasure.controller';
import { PasswordResetController } from './identity/password-reset.controller';
import { ResetEmailThrottleGuard } from './http/throttling/reset-email-throttle.guard';
import { AppointmentPatientController } from './patients/appointment-patient.controller';
import { MedicalProfileController } from './patients/medical-profile.controller';
import { PatientsController } from './patients/patients.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { PrescriptionsController } from './prescriptions/prescriptions.controller';
import { ReviewsController } from './reviews/reviews.controller';
import { DoctorDocumentStore } from './doctor-documents/doctor-document-store';
import { DoctorDocumentsController } from './doctor-documents/doctor-documents.controller';
import { HealthRecordFileStore } from './health-records/health-record-file-store';
import { HealthRecordsController } from './health-records/health-records.controller';
import { AdminPaymentsController } from './payments/admin-payments.controller';
import { PaymentWebhooksController } from './payments/payment-webhooks.controller';
import { PaymentsController } from './payments/payments.controller';
import { DoctorEarningsController } from './payments/doctor-earnings.controller';
import { PaymentReceiptsController } from './payments/payment-receipts.controller';
import { LiveHolds } from './realtime/live-holds';
import { RealtimeFanout } from './realtime/realtime-fanout';
import { NotificationPush } from './realtime/notification-push';
import { RealtimeGateway } from './realtime/realtime.gateway';
import { SocketAuthenticator } from './realtime/socket-authenticator';
import { AccountSockets } from './realtime/account-sockets';
import { VideoController } from './video/video.controller';
import { VideoGateway } from './video/video.gateway';
import { VideoPushFanout } from './video/video-push';

/** Logins are limited per client IP *and* email, so one attacker cannot lock out a whole office. */
const loginTracker = (req: Record<string, unknown>): string => {
  const request = req as unknown as Request;
  const email = typeof request.body?.email === 'string' ? request.body.email.trim().toLowerCase() : '';
  return `${request.ip}|${email}`;
};

/** The auth-ip budget's key: the client, whatever the route. */
const acrossRoutes = (_context: ExecutionContext, tracker: string, name: string): string =>
  `${name}:${tracker}`;

@Module({})
export class AppModule {
  static register(config: GatewayConfig): DynamicModule {
    const window = seconds(config.AUTH_THROTTLE_WINDOW_SECONDS);
    return {
      module: AppModule,
      imports: [
        GatewayConfigModule.of(config),
        MessagingModule.forRoot({
          nats: config.natsAccess,
          connectionName: `gateway#${config.INSTANCE_ID}`,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
        }),
        ServiceClientModule,
        AuthModule.forGateway({
          jwtSecret: config.JWT_SECRET,
          accountStatusChecker: UserServiceAccountStatusChecker,
        }),
        JwtModule.register({ secret: tokenSigningKey(config.JWT_SECRET) }),
        // Counted in NATS, so the limits hold across gateway replicas (http/throttling/).
        ThrottlerModule.forRootAsync({
          inject: [NATS_CONNECTION],
          useFactory: (connection: NatsConnection) => ({
            throttlers: [
              // One budget per client IP across every auth route, not one per route.
              {
                name: 'auth-ip',
                ttl: window,
                limit: config.AUTH_THROTTLE_IP_LIMIT,
                generateKey: acrossRoutes,
              },
              { name: 'login', ttl: window, limit: config.LOGIN_THROTTLE_LIMIT, getTracker: loginTracker },
            ],
            storage: new SharedThrottlerStorage(new SharedCounts(connection)),
            errorMessage: 'Too many attempts; please wait a minute and try again.',
          }),
        }),
      ],
      controllers: [
        IdentityController,
        PrivacyNoticeController,
        SessionsController,
        PasswordResetController,
        PasswordController,
        AccountPreferencesController,
        PatientErasureController,
        PatientsController,
        AppointmentPatientController,
        MedicalProfileController,
        DoctorsController,
        DoctorScheduleController,
        AppointmentsController,
        BookingPolicyController,
        AdminController,
        AuditController,
        AnalyticsController,
        AdminAppointmentsController,
        HealthController,
        PrescriptionsController,
        ReviewsController,
        CaseStudiesController,
        AdminCaseStudiesController,
        HealthRecordsController,
        DataExportController,
        DoctorDocumentsController,
        PaymentsController,
        DoctorEarningsController,
        PaymentReceiptsController,
        PaymentWebhooksController,
        AdminPaymentsController,
        DeadLettersController,
        ChatController,
        NotificationsController,
        VideoController,
      ],
      providers: [
        ActorNames,
        DoctorNames,
        SharedCounts,
        UserBudgets,
        UserBudgetGuard,
        ResetEmailThrottleGuard,
        DeadLetterBox,
        HealthRecordFileStore,
        DataExportFileStore,
        DoctorDocumentStore,
        RegistrationService,
        DoctorSearchCache,
        SlotListingCache,
        NextAvailableTimes,
        SentSearchPages,
        QueuePayments,
        PatientHistory,
        SocketAuthenticator,
        RealtimeGateway,
        AccountSockets,
        NotificationPush,
        LiveHolds,
        RealtimeFanout,
        ChatGateway,
        VideoPushFanout,
        VideoGateway,
      ],
    };
  }
}
