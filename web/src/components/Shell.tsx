import { useState } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { hasRole, useAuth, userRoleLabel, useUser } from '../auth.js';
import { LANGUAGES, setLanguage, t, useLanguage } from '../i18n/index.js';
import { NAVIGATION } from '../navigation.js';
import { JurisdictionName, KosovoFootnoteProvider, KosovoFootnoteSlot } from './Jurisdiction.js';
import { ErrorBanner } from './Feedback.js';

/** The frame of every signed-in page: top bar (user, unit, logout), side navigation, content. */
export function Shell() {
  return (
    <KosovoFootnoteProvider>
      <div className="app">
        <a className="skip-link" href="#main">
          {t('shell.skipToContent')}
        </a>
        <TopBar />
        <div className="app-body">
          <SideNavigation />
          <main id="main" className="content" tabIndex={-1}>
            <Outlet />
            <KosovoFootnoteSlot />
          </main>
        </div>
      </div>
    </KosovoFootnoteProvider>
  );
}

function TopBar() {
  const user = useUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const [logoutError, setLogoutError] = useState<unknown>(null);
  const unit = user.unit;

  const onLogout = async () => {
    try {
      await logout();
    } catch (error) {
      setLogoutError(error);
    }
    navigate('/login', { replace: true });
  };

  return (
    <header className="topbar" data-testid="topbar">
      <NavLinkBrand />
      <div className="topbar-unit" data-testid="current-unit">
        <span className="topbar-unit-name">{unit.name}</span>
        <span className="topbar-unit-detail">
          {unit.agency.code} · {unit.location.name} · <JurisdictionName {...unit.jurisdiction} />
        </span>
      </div>
      <div className="topbar-right">
        <LanguageSwitcher />
        <div className="topbar-user" data-testid="current-user">
          <NavLink to="/account" className="topbar-user-name" title={t('nav.account')}>
            {user.displayName}
          </NavLink>
          <span className="topbar-user-roles">{user.roles.map(userRoleLabel).join(', ')}</span>
        </div>
        <button type="button" className="button button-small button-on-dark" onClick={onLogout}>
          {t('shell.logout')}
        </button>
      </div>
      {logoutError ? <ErrorBanner error={logoutError} onDismiss={() => setLogoutError(null)} /> : null}
    </header>
  );
}

function NavLinkBrand() {
  return (
    <NavLink to="/" className="brand" aria-label={t('shell.home')}>
      <span className="brand-mark" aria-hidden="true">
        I
      </span>
      <span className="brand-name">{t('app.name')}</span>
    </NavLink>
  );
}

function LanguageSwitcher() {
  const language = useLanguage();
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('shell.language')}</span>
      <select value={language} onChange={(event) => void setLanguage(event.target.value)}>
        {LANGUAGES.map((option) => (
          <option key={option.code} value={option.code} lang={option.code}>
            {option.nativeName}
          </option>
        ))}
      </select>
    </label>
  );
}

function SideNavigation() {
  const user = useUser();
  return (
    <nav className="sidenav" aria-label={t('shell.navigation')}>
      {NAVIGATION.map((group) => {
        const items = group.items.filter(
          (item) => !item.roles || item.roles.some((role) => hasRole(user, role)),
        );
        if (items.length === 0) return null;
        return (
          <div className="sidenav-group" key={group.label}>
            <div className="sidenav-heading">{t(group.label)}</div>
            <ul>
              {items.map((item) => (
                <li key={item.path}>
                  <NavLink to={item.path} className="sidenav-link">
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
