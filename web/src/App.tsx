import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth.js';
import { ErrorBanner, Loading } from './components/Feedback.js';
import { lazyPage } from './components/PageLoader.js';
import { Shell } from './components/Shell.js';
import { t } from './i18n/index.js';
import { COMING_SOON } from './navigation.js';
import { ComingSoonPage } from './pages/ComingSoonPage.js';
import { ChangePasswordPage } from './pages/ChangePasswordPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';

// Each page is its own script, loaded when first opened (PageLoader in the shell shows the wait).
const AdminPage = lazyPage(() => import('./pages/admin/AdminPage.js'), 'AdminPage');
const FlightPage = lazyPage(() => import('./pages/flights/FlightPage.js'), 'FlightPage');
const FlightsPage = lazyPage(() => import('./pages/flights/FlightsPage.js'), 'FlightsPage');
const AccountPage = lazyPage(() => import('./pages/AccountPage.js'), 'AccountPage');
const MessageDetailPage = lazyPage(
  () => import('./pages/messages/MessageDetailPage.js'),
  'MessageDetailPage',
);
const MessagesPage = lazyPage(() => import('./pages/messages/MessagesPage.js'), 'MessagesPage');
const ReservationPage = lazyPage(() => import('./pages/reservations/ReservationPage.js'), 'ReservationPage');
const ReservationsPage = lazyPage(
  () => import('./pages/reservations/ReservationsPage.js'),
  'ReservationsPage',
);
const CodeListsPage = lazyPage(() => import('./pages/rules/CodeListsPage.js'), 'CodeListsPage');
const EffectivenessPage = lazyPage(() => import('./pages/rules/EffectivenessPage.js'), 'EffectivenessPage');
const NewRulePage = lazyPage(() => import('./pages/rules/RuleEditorPage.js'), 'NewRulePage');
const RulePage = lazyPage(() => import('./pages/rules/RuleEditorPage.js'), 'RulePage');
const RulesPage = lazyPage(() => import('./pages/rules/RulesPage.js'), 'RulesPage');
const ScreenPage = lazyPage(() => import('./pages/screen/ScreenPage.js'), 'ScreenPage');
const HitPage = lazyPage(() => import('./pages/targeting/HitPage.js'), 'HitPage');
const HitQueuePage = lazyPage(() => import('./pages/targeting/HitQueuePage.js'), 'HitQueuePage');
const TravellerPage = lazyPage(() => import('./pages/travellers/TravellerPage.js'), 'TravellerPage');
const TravellerSearchPage = lazyPage(
  () => import('./pages/travellers/TravellerSearchPage.js'),
  'TravellerSearchPage',
);
const EntryPage = lazyPage(() => import('./pages/watchlists/EntryPage.js'), 'EntryPage');
const RejectedImportsPage = lazyPage(
  () => import('./pages/watchlists/RejectedImportsPage.js'),
  'RejectedImportsPage',
);
const WatchlistPage = lazyPage(() => import('./pages/watchlists/WatchlistPage.js'), 'WatchlistPage');
const WatchlistsPage = lazyPage(() => import('./pages/watchlists/WatchlistsPage.js'), 'WatchlistsPage');

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
