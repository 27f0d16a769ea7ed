import {
  ForgotPasswordPage,
  NotificationSettingsPage,
  PrivacyNoticePage,
  RequireRole,
  ResetPasswordPage,
} from '@arogyam/ui';
import { Route, Routes } from 'react-router-dom';
import { Layout } from './layout';
import { AppointmentPage } from './pages/appointment-page';
import { AvailabilityPage } from './pages/availability-page';
import { CallPage } from './pages/call-page';
import { CaseStudiesPage } from './pages/case-studies-page';
import { CaseStudyEditorPage } from './pages/case-study-editor-page';
import { DashboardPage } from './pages/dashboard-page';
import { EarningsPage } from './pages/earnings-page';
import { EditProfilePage } from './pages/edit-profile-page';
import { LoginPage } from './pages/login-page';
import { MyAppointmentsPage } from './pages/my-appointments-page';
import { MessagesPage } from './pages/messages-page';
import { NotFoundPage } from './pages/not-found-page';
import { QueuePage } from './pages/queue-page';
import { RegisterPage } from './pages/register-page';
import { api } from './session';

/** Everything but registration and login needs a doctor session. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="register" element={<RegisterPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="privacy" element={<PrivacyNoticePage api={api} />} />
        <Route
          path="forgot-password"
          element={<ForgotPasswordPage api={api} appName="Arogyam for Doctors" />}
        />
        <Route
          path="reset-password"
          element={<ResetPasswordPage api={api} appName="Arogyam for Doctors" />}
        />
        <Route element={<RequireRole role="doctor" />}>
          <Route index element={<DashboardPage />} />
          <Route path="profile" element={<EditProfilePage />} />
          <Route path="notification-settings" element={<NotificationSettingsPage api={api} />} />
          <Route path="queue" element={<QueuePage />} />
          <Route path="availability" element={<AvailabilityPage />} />
          <Route path="earnings" element={<EarningsPage />} />
          <Route path="appointments" element={<MyAppointmentsPage />} />
          <Route path="appointments/:id" element={<AppointmentPage />} />
          <Route path="messages" element={<MessagesPage />} />
          <Route path="calls/:appointmentId" element={<CallPage />} />
          <Route path="messages/:roomId" element={<MessagesPage />} />
          <Route path="case-studies" element={<CaseStudiesPage />} />
          <Route path="case-studies/new" element={<CaseStudyEditorPage />} />
          <Route path="case-studies/:id" element={<CaseStudyEditorPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
