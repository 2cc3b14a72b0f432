import type { CatalogueKey } from './i18n/index.js';

export interface NavigationItem {
  path: string;
  label: CatalogueKey;
  /** Only users with this role see the item. */
  role?: string;
}

export interface NavigationGroup {
  label: CatalogueKey;
  items: NavigationItem[];
}

/** The side navigation: one entry per domain of the system, grouped by the work they carry. */
export const NAVIGATION: NavigationGroup[] = [
  {
    label: 'nav.group.risk',
    items: [
      { path: '/targeting', label: 'nav.targeting' },
      { path: '/watchlists', label: 'nav.watchlists' },
      { path: '/rules', label: 'nav.rules' },
    ],
  },
  {
    label: 'nav.group.data',
    items: [
      { path: '/messages', label: 'nav.messages' },
      { path: '/flights', label: 'nav.flights' },
      { path: '/travellers', label: 'nav.travellers' },
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
    items: [{ path: '/admin', label: 'nav.admin', role: 'admin' }],
  },
];

/** Domains whose pages are not built yet; each shows what will be there. */
export const COMING_SOON = [
  'targeting',
  'watchlists',
  'rules',
  'cargo',
  'seizures',
  'exchange',
  'reports',
] as const;
export type ComingSoonDomain = (typeof COMING_SOON)[number];
