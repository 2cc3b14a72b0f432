import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { hasRole, useAuth, userRoleLabel, useUser } from '../auth.js';
import { BREAKPOINTS, useMediaQuery } from '../hooks/useMediaQuery.js';
import { LANGUAGES, setLanguage, t, useLanguage } from '../i18n/index.js';
import { NAVIGATION } from '../navigation.js';
import { JurisdictionName, KosovoFootnoteProvider, KosovoFootnoteSlot } from './Jurisdiction.js';
import { ErrorBanner } from './Feedback.js';
import { PageLoader } from './PageLoader.js';

/**
 * The frame of every signed-in page: top bar (user, unit, logout), side navigation, content.
 * On a tablet or a phone the side navigation is a menu opened from the top bar; on a phone the
 * unit and the language move into that menu too, so that the top bar fits.
 */
export function Shell() {
  const location = useLocation();
  const inDrawer = useMediaQuery(BREAKPOINTS.drawer);
  const onPhone = useMediaQuery(BREAKPOINTS.phone);
  // The menu stays open only on the page it was opened on: any navigation closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = inDrawer && openOn === location.key;
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  const closeMenu = () => {
    setOpenOn(null);
    menuButton.current?.focus();
  };
  useMenuKeyboard(menuOpen, menu, closeMenu);

  return (
    <KosovoFootnoteProvider>
      <div className="app">
        <a className="skip-link" href="#main">
          {t('shell.skipToContent')}
        </a>
        <TopBar
          menuButton={
            <button
              ref={menuButton}
              type="button"
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls="main-menu"
              onClick={() => setOpenOn(menuOpen ? null : location.key)}
            >
              <span className="menu-icon" aria-hidden="true" />
              <span className="visually-hidden">{t('shell.menu')}</span>
            </button>
          }
          compact={onPhone}
        />
        <div className="app-body">
          <div ref={menu} id="main-menu" className={menuOpen ? 'sidenav sidenav-open' : 'sidenav'}>
            {onPhone ? <MenuAccount /> : null}
            <SideNavigation />
          </div>
          {menuOpen ? (
            <div className="menu-backdrop" aria-hidden="true" onClick={() => setOpenOn(null)} />
          ) : null}
          <main id="main" className="content" tabIndex={-1} inert={menuOpen}>
            <PageLoader resetKey={location.pathname}>
              <Outlet />
            </PageLoader>
            <KosovoFootnoteSlot />
          </main>
        </div>
      </div>
    </KosovoFootnoteProvider>
  );
}

/** An open menu takes the focus to its first link and closes on Escape. */
function useMenuKeyboard(open: boolean, menu: RefObject<HTMLDivElement | null>, close: () => void) {
  const closeRef = useRef(close);
  useEffect(() => {
    closeRef.current = close;
  });
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('a[href], select, button')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, menu]);
}

function TopBar({ menuButton, compact }: { menuButton: ReactNode; compact: boolean }) {
  const user = useUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const [logoutError, setLogoutError] = useState<unknown>(null);

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
      {menuButton}
      <NavLinkBrand />
      {compact ? null : (
        <div className="topbar-unit" data-testid="current-unit">
          <UnitSummary />
        </div>
      )}
      <div className="topbar-right">
        {compact ? null : <LanguageSwitcher />}
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

function UnitSummary() {
  const unit = useUser().unit;
  return (
    <>
      <span className="topbar-unit-name">{unit.name}</span>
      <span className="topbar-unit-detail">
        {unit.agency.code} · {unit.location.name} · <JurisdictionName {...unit.jurisdiction} />
      </span>
    </>
  );
}

/** On a phone, the unit and the language are at the top of the menu rather than in the top bar. */
function MenuAccount() {
  return (
    <div className="menu-account">
      <section className="menu-unit" aria-label={t('shell.unit')} data-testid="current-unit">
        <UnitSummary />
      </section>
      <LanguageSwitcher />
    </div>
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
    <nav aria-label={t('shell.navigation')}>
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
