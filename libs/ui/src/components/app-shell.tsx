import { useEffect, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import type { User } from '../api/types';
import { Button } from './button';
import { LanguageSwitch } from '../i18n/language-switch';
import { useT } from '../i18n/use-t';

export interface NavItem {
  to: string;
  label: string;
  /** Highlight only on an exact match (for the home link). */
  end?: boolean;
}

export interface AppShellProps {
  appName: string;
  links: readonly NavItem[];
  user: User | null;
  /** Shown beside the signed-in user's name, e.g. the notification bell. */
  sessionActions?: ReactNode;
  onLogout(): Promise<void> | void;
  children: ReactNode;
}

/** Page frame shared by the three apps: skip link, header with navigation and session, main landmark. */
export function AppShell({ appName, links, user, sessionActions, onLogout, children }: AppShellProps) {
  const t = useT();
  const [loggingOut, setLoggingOut] = useState(false);
  // On a phone the links fold behind a Menu button; moving to another page folds them again.
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);

  const logOut = async () => {
    setLoggingOut(true);
    try {
      await onLogout();
    } finally {
      setLoggingOut(false);
    }
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('Skip to main content')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              +
            </span>
            {appName}
          </Link>
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t('Menu')}
          </button>
          {/* Plain links rather than a list, so list semantics on a page belong to its content (doctors, rows). */}
          <nav id="main-nav" aria-label={t('Main')} className={menuOpen ? 'app-nav app-nav-open' : 'app-nav'}>
            {links.map((link) => (
              <NavLink key={link.to} to={link.to} end={link.end}>
                {t(link.label)}
              </NavLink>
            ))}
          </nav>
          <LanguageSwitch />
          {user && (
            <div className="app-session">
              {sessionActions}
              <span className="app-user">
                <span className="visually-hidden">{t('Signed in as')} </span>
                {user.fullName}
              </span>
              <Button variant="quiet" busy={loggingOut} onClick={logOut}>
                {t('Log out')}
              </Button>
            </div>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <p>
          {appName} · {t('Care, a call away.')}
        </p>
      </footer>
    </div>
  );
}
