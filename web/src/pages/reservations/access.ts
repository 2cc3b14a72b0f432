import { hasRole } from '../../auth.js';
import type { User } from '../../types.js';

/*
 * Who may do what with PNR data: a mirror of the server's policy (src/access/model.ts), used only
 * to offer the actions a user can take. The server enforces the same rules on every request.
 */
const PNR_READ_ROLES = ['admin', 'pnr-analyst'];
const PNR_UNMASK_ROLES = ['admin', 'pnr-analyst'];
const PNR_HOLD_ROLES = ['admin', 'pnr-analyst', 'supervisor'];

const hasAny = (user: User | null, roles: string[]) => roles.some((role) => hasRole(user, role));

/** The Passenger Information Unit's roles: they see the content of reservations. */
export const mayReadPnr = (user: User | null) => hasAny(user, PNR_READ_ROLES);
export const mayUnmaskPnr = (user: User | null) => hasAny(user, PNR_UNMASK_ROLES);
/** Keeping a reservation beyond its retention period (e.g. tied to a case). */
export const mayHoldPnr = (user: User | null) => hasAny(user, PNR_HOLD_ROLES);
