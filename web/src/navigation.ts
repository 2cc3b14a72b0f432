import type { CatalogueKey } from './i18n/index.js';

export interface NavigationItem {
  path: string;
  label: CatalogueKey;
  /** Only users with one of these roles see the item (the server enforces the same policy). */
  roles?: readonly string[];
}

export interface NavigationGroup {
  label: CatalogueKey;
  items: NavigationItem[];
}

/** Roles that may see personal data of travellers; viewers see aggregates only. */
const PERSONAL_DATA_ROLES = ['admin', 'analyst', 'officer', 'supervisor', 'pnr-analyst'] as const;

/** The side navigation: one entry per domain of the system, grouped by the work they carry. */
export const NAVIGATION: NavigationGroup[] = [
  {
    label: 'nav.group.risk',
    items: [
      { path: '/targeting', label: 'nav.targeting', roles: PERSONAL_DATA_ROLES },
      { path: '/watchlists', label: 'nav.watchlists', roles: PERSONAL_DATA_ROLES },
      { path: '/screen', label: 'nav.screen', roles: PERSONAL_DATA_ROLES },
      { path: '/rules', label: 'nav.rules', roles: PERSONAL_DATA_ROLES },
    ],
  },
  {
    label: 'nav.group.data',
    items: [
      { path: '/messages', label: 'nav.messages', roles: PERSONAL_DATA_ROLES },
      { path: '/flights', label: 'nav.flights' },
      { path: '/travellers', label: 'nav.travellers', roles: PERSONAL_DATA_ROLES },
      // Everyone who sees flights sees that reservations exist; their content only the PIU's roles.
      { path: '/reservations', label: 'nav.reservations' },
      { path: '/cargo', label: 'nav.cargo' },
    ],
  },
  {
    label: 'nav.group.cases',
    items: [
      { path: '/seizures', label: 'nav.seizures' },
      { path: '/exchange', label: 'nav.exchange' },
      { path: '/reports', label: 'nav.reports' },
    ],
  },
  {
    label: 'nav.group.administration',
    items: [{ path: '/admin', label: 'nav.admin', roles: ['admin'] }],
  },
];

/** Domains whose pages are not built yet; each shows what will be there. */
export const COMING_SOON = ['cargo', 'seizures', 'exchange', 'reports'] as const;
export type ComingSoonDomain = (typeof COMING_SOON)[number];
