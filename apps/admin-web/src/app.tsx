import { ForgotPasswordPage, RequireRole, ResetPasswordPage } from '@arogyam/ui';
import { Route, Routes } from 'react-router-dom';
import { Layout } from './layout';
import { AnalyticsPage } from './pages/analytics-page';
import { AppointmentsPage } from './pages/appointments-page';
import { AuditPage } from './pages/audit-page';
import { CaseStudiesPage } from './pages/case-studies-page';
import { FailedEventsPage } from './pages/failed-events-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { PaymentPage } from './pages/payment-page';
import { PaymentsPage } from './pages/payments-page';
import { PendingDoctorsPage } from './pages/pending-doctors-page';
import { UsersPage } from './pages/users-page';
import { api } from './session';

/** Every page but login needs an admin session; admins are created by the platform, not by sign-up. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="login" element={<LoginPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage api={api} appName="Arogyam Admin" />} />
        <Route path="reset-password" element={<ResetPasswordPage api={api} appName="Arogyam Admin" />} />
        <Route element={<RequireRole role="admin" />}>
          <Route index element={<PendingDoctorsPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="appointments" element={<AppointmentsPage />} />
          <Route path="payments" element={<PaymentsPage />} />
          <Route path="payments/:paymentId" element={<PaymentPage />} />
          <Route path="failed-events" element={<FailedEventsPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="analytics" element={<AnalyticsPage />} />
          <Route path="case-studies" element={<CaseStudiesPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
