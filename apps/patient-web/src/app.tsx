import {
  ForgotPasswordPage,
  NotificationSettingsPage,
  PrivacyNoticePage,
  RequireRole,
  ResetPasswordPage,
  VideoConsultationPage,
} from '@arogyam/ui';
import { Route, Routes } from 'react-router-dom';
import { CaseStudiesPage } from './pages/case-studies-page';
import { CaseStudyPage } from './pages/case-study-page';
import { CallAwareLayout } from './call-aware-layout';
import { AccountDeletedPage } from './pages/account-deleted-page';
import { AppointmentPage } from './pages/appointment-page';
import { DoctorProfilePage } from './pages/doctor-profile-page';
import { DoctorSearchPage } from './pages/doctor-search-page';
import { HealthRecordsPage } from './pages/health-records-page';
import { LoginPage } from './pages/login-page';
import { MedicalProfilePage } from './pages/medical-profile-page';
import { MessagesPage } from './pages/messages-page';
import { MyAppointmentsPage } from './pages/my-appointments-page';
import { MyProfilePage } from './pages/my-profile-page';
import { NotFoundPage } from './pages/not-found-page';
import { YourDataPage } from './pages/your-data-page';
import { RecordAccessPage } from './pages/record-access-page';
import { RegisterPage } from './pages/register-page';
import { api } from './session';

/** Finding doctors is public; a patient's own profile, appointments and messages need a patient session. */
export function App() {
  return (
    <Routes>
      <Route element={<CallAwareLayout />}>
        <Route index element={<DoctorSearchPage />} />
        <Route path="doctors/:id" element={<DoctorProfilePage />} />
        <Route path="case-studies" element={<CaseStudiesPage />} />
        <Route path="case-studies/:id" element={<CaseStudyPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="privacy" element={<PrivacyNoticePage api={api} />} />
        <Route path="forgot-password" element={<ForgotPasswordPage api={api} appName="Arogyam" />} />
        <Route path="reset-password" element={<ResetPasswordPage api={api} appName="Arogyam" />} />
        <Route path="account-deleted" element={<AccountDeletedPage />} />
        <Route element={<RequireRole role="patient" />}>
          <Route path="profile" element={<MyProfilePage />} />
          <Route path="notification-settings" element={<NotificationSettingsPage api={api} />} />
          <Route path="your-data" element={<YourDataPage />} />
          <Route path="appointments" element={<MyAppointmentsPage />} />
          <Route path="appointments/:id" element={<AppointmentPage />} />
          <Route path="messages" element={<MessagesPage />} />
          <Route path="health-records" element={<HealthRecordsPage />} />
          <Route path="medical-profile" element={<MedicalProfilePage />} />
          <Route path="who-viewed" element={<RecordAccessPage />} />
          <Route path="calls/:appointmentId" element={<VideoConsultationPage role="patient" />} />
          <Route path="messages/:roomId" element={<MessagesPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
