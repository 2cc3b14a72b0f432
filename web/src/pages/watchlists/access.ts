import { hasRole } from '../../auth.js';
import type { User } from '../../types.js';
import type { Watchlist } from '../../watchlist-types.js';

/*
 * Who may do what with watchlists: a mirror of the server's policy (src/access/model.ts and
 * src/watchlists/service.ts), used only to offer the actions a user can take. The server
 * enforces the same rules on every request.
 */
export const WATCHLIST_READ_ROLES = ['admin', 'analyst', 'officer', 'supervisor', 'pnr-analyst'] as const;
const WATCHLIST_MANAGE_ROLES = ['admin', 'analyst', 'supervisor'];

const hasAny = (user: User | null, roles: readonly string[]) => roles.some((role) => hasRole(user, role));

/** Creating lists and importing the UN list. */
export const mayManageWatchlists = (user: User | null) => hasAny(user, WATCHLIST_MANAGE_ROLES);

/**
 * Changing one list (its settings, entries and CSV imports): administrators any list; the other
 * managers the lists of their own jurisdiction, except the UN lists, which change only by import.
 */
export function mayManageList(user: User | null, list: Pick<Watchlist, 'source' | 'owner'>): boolean {
  if (!user || !mayManageWatchlists(user)) return false;
  if (hasRole(user, 'admin')) return true;
  return list.source !== 'un-sc' && list.owner.jurisdiction === user.unit.jurisdiction.code;
}

/** Importing a file into a list: the UN file by any manager, a CSV file by those who manage the list. */
export function mayImportInto(user: User | null, list: Pick<Watchlist, 'source' | 'owner'>): boolean {
  return list.source === 'un-sc' ? mayManageWatchlists(user) : mayManageList(user, list);
}
