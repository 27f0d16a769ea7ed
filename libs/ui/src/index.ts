// @arogyam/ui: what the patient, doctor and admin web apps share.
// The stylesheet is imported separately by each app: `import '@arogyam/ui/styles.css'`.

export * from './api/api-error';
export * from './api/api-client';
export * from './api/not-found';
export * from './api/token-store';
export * from './api/types';

export * from './app/app-layout';
export * from './app/mount-app';

export * from './appointments/appointment-labels';
export * from './appointments/appointment-list-item';
export * from './appointments/appointments-page';
export * from './appointments/appointments-tab';
export * from './appointments/appointment-summary';
export * from './appointments/appointment-view';
export * from './appointments/call-records';
export * from './appointments/soap-fields';
export * from './appointments/status-badge';
export * from './appointments/use-clinical-notes';
export * from './appointments/use-live-appointment';

export * from './auth/session-context';
export * from './auth/account-fields';
export * from './auth/auth-form';
export * from './auth/login-form';
export * from './auth/new-password-fields';
export * from './auth/password-field';
export * from './auth/forgot-password-page';
export * from './auth/reset-password-page';
export * from './auth/change-password-form';
export * from './auth/register-form';
export * from './privacy/use-privacy-notice';
export * from './privacy/privacy-consent-field';
export * from './privacy/privacy-notice-page';
export * from './auth/require-role';

export * from './chat/chat-room-list';
export * from './chat/chat-rooms';
export * from './chat/chat-view';
export * from './chat/conversation-pane';
export * from './chat/conversation-state';
export * from './chat/message-composer';
export * from './chat/message-list';
export * from './chat/use-conversation';
export * from './chat/use-typing';

export * from './components/app-shell';
export * from './components/async-view';
export * from './components/button';
export * from './components/date-filter';
export * from './components/empty-state';
export * from './components/error-state';
export * from './components/field';
export * from './components/form-error';
export * from './components/loading';
export * from './components/money';
export * from './components/paged-view';
export * from './components/pagination';
export * from './components/select-field';
export * from './components/status-message';
export * from './components/table-region';
export * from './components/text-area-field';
export * from './components/text-field';
export * from './components/time-zone-note';

export * from './files/save-file';

export * from './format/format-date';
export * from './format/format-time';

export * from './i18n/i18n';
export * from './i18n/language-switch';
export * from './i18n/translated';
export * from './i18n/use-t';
export * from './forms/form-values';
export * from './forms/indexed-errors';

export * from './hooks/use-action';
export * from './hooks/use-async';
export * from './hooks/use-date-param';
export * from './hooks/use-form-errors';
export * from './hooks/use-latest';
export * from './hooks/use-page-visible';
export * from './hooks/use-submit';

export * from './notifications/notification-bell';
export * from './notifications/notification-settings-page';
export * from './notifications/use-notifications';

export * from './prescriptions/appointment-prescriptions';
export * from './prescriptions/prescription-card';

export * from './profile/profile-editor';

export * from './reviews/doctor-reviews';
export * from './reviews/review-item';
export * from './reviews/review-stars';
export * from './reviews/stars';
export * from './reviews/use-appointment-review';

export * from './socket/connection-status';
export * from './socket/socket-ack';
export * from './socket/socket-client';
export * from './socket/socket-provider';

export * from './video';
export * from './format/format-size';
export * from './health-records/health-record-kinds';
export * from './health-records/health-record-item';
export * from './health-records/appointment-health-records';

export * from './case-studies/case-study-labels';
export * from './case-studies/case-study-article';
export * from './case-studies/case-study-card';
export * from './case-studies/case-study-list';
export * from './case-studies/case-study-tags';

export * from './medical-profile/medical-profile-labels';
export * from './medical-profile/allergy-warnings';
