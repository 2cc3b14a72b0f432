import { NavLink } from 'react-router-dom';
import { t } from '../../i18n/index.js';

/** The rule pages: rules, code lists, effectiveness. */
export function RulesNav() {
  const links = [
    { to: '/rules', label: t('rules.tabs.rules'), end: true },
    { to: '/rules/code-lists', label: t('rules.tabs.codeLists') },
    { to: '/rules/effectiveness', label: t('rules.tabs.effectiveness') },
  ];
  return (
    <nav className="tabs" aria-label={t('rules.tabs.label')}>
      {links.map((link) => (
        <NavLink
          key={link.to}
          to={link.to}
          end={link.end}
          className={({ isActive }) => `tab${isActive ? ' active' : ''}`}
        >
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
}
