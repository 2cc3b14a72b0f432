import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth.js';
import { ErrorBanner, Loading } from './components/Feedback.js';
import { Shell } from './components/Shell.js';
import { t } from './i18n/index.js';
import { COMING_SOON } from './navigation.js';
import { AdminPage } from './pages/admin/AdminPage.js';
import { ComingSoonPage } from './pages/ComingSoonPage.js';
import { FlightPage } from './pages/flights/FlightPage.js';
import { FlightsPage } from './pages/flights/FlightsPage.js';
import { AccountPage } from './pages/AccountPage.js';
import { ChangePasswordPage } from './pages/ChangePasswordPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { MessageDetailPage } from './pages/messages/MessageDetailPage.js';
import { MessagesPage } from './pages/messages/MessagesPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { ReservationPage } from './pages/reservations/ReservationPage.js';
import { ReservationsPage } from './pages/reservations/ReservationsPage.js';
import { CodeListsPage } from './pages/rules/CodeListsPage.js';
import { EffectivenessPage } from './pages/rules/EffectivenessPage.js';
import { NewRulePage, RulePage } from './pages/rules/RuleEditorPage.js';
import { RulesPage } from './pages/rules/RulesPage.js';
import { ScreenPage } from './pages/screen/ScreenPage.js';
import { HitPage } from './pages/targeting/HitPage.js';
import { HitQueuePage } from './pages/targeting/HitQueuePage.js';
import { TravellerPage } from './pages/travellers/TravellerPage.js';
import { TravellerSearchPage } from './pages/travellers/TravellerSearchPage.js';
import { EntryPage } from './pages/watchlists/EntryPage.js';
import { RejectedImportsPage } from './pages/watchlists/RejectedImportsPage.js';
import { WatchlistPage } from './pages/watchlists/WatchlistPage.js';
import { WatchlistsPage } from './pages/watchlists/WatchlistsPage.js';

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/change-password" element={<ChangePasswordPage />} />
      <Route
        element={
          <RequireSession>
            <Shell />
          </RequireSession>
        }
      >
        <Route index element={<Navigate to="/messages" replace />} />
        <Route path="messages" element={<MessagesPage />} />
        <Route path="messages/:id" element={<MessageDetailPage />} />
        <Route path="flights" element={<FlightsPage />} />
        <Route path="flights/:id" element={<FlightPage />} />
        <Route path="travellers" element={<TravellerSearchPage />} />
        <Route path="travellers/:id" element={<TravellerPage />} />
        <Route path="reservations" element={<ReservationsPage />} />
        <Route path="reservations/:id" element={<ReservationPage />} />
        <Route path="watchlists" element={<WatchlistsPage />} />
        <Route path="watchlists/rejected-imports" element={<RejectedImportsPage />} />
        <Route path="watchlists/entries/:id" element={<EntryPage />} />
        <Route path="watchlists/:id" element={<WatchlistPage />} />
        <Route path="screen" element={<ScreenPage />} />
        <Route path="targeting" element={<HitQueuePage />} />
        <Route path="targeting/hits/:id" element={<HitPage />} />
        <Route path="hits" element={<Navigate to="/targeting" replace />} />
        <Route path="rules" element={<RulesPage />} />
        <Route path="rules/new" element={<NewRulePage />} />
        <Route path="rules/code-lists" element={<CodeListsPage />} />
        <Route path="rules/effectiveness" element={<EffectivenessPage />} />
        <Route path="rules/:id" element={<RulePage />} />
        {COMING_SOON.map((domain) => (
          <Route key={domain} path={domain} element={<ComingSoonPage domain={domain} />} />
        ))}
        <Route path="admin/*" element={<AdminPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** Shows its children to a signed-in user; sends anyone else to the login page and back after. */
function RequireSession({ children }: { children: ReactNode }) {
  const { status, user, error, recheck } = useAuth();
  const location = useLocation();
  if (status === 'checking') {
    return (
      <div className="center-screen">
        <Loading label={t('shell.checkingSession')} />
      </div>
    );
  }
  if (status === 'unavailable') {
    return (
      <div className="center-screen">
        <div className="center-card">
          <h1>{t('app.name')}</h1>
          <ErrorBanner error={error} onRetry={recheck} />
        </div>
      </div>
    );
  }
  if (status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  // The server answers nothing else until the administrator's password is replaced.
  if (user?.mustChangePassword) {
    return (
      <Navigate to="/change-password" replace state={{ from: `${location.pathname}${location.search}` }} />
    );
  }
  return <>{children}</>;
}
