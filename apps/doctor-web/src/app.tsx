import { RequireRole } from '@arogyam/ui';
import { Route, Routes } from 'react-router-dom';
import { Layout } from './layout';
import { DashboardPage } from './pages/dashboard-page';
import { EditProfilePage } from './pages/edit-profile-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { RegisterPage } from './pages/register-page';

/** Everything but registration and login needs a doctor session. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="register" element={<RegisterPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route element={<RequireRole role="doctor" />}>
          <Route index element={<DashboardPage />} />
          <Route path="profile" element={<EditProfilePage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
