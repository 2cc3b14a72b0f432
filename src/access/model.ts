import { z } from 'zod';

export const roles = [
  'admin',
  'analyst',
  'officer',
  'supervisor',
  'pnr-analyst',
  'viewer',
  'data-provider',
] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

/** What each action needs. Kept in one table so that a reviewer can read the whole policy at once. */
const policy = {
  'messages:upload': ['admin', 'analyst', 'officer', 'supervisor', 'pnr-analyst', 'data-provider'],
  'messages:read': ['admin', 'analyst', 'officer', 'supervisor', 'pnr-analyst'],
  'flights:read': ['admin', 'analyst', 'officer', 'supervisor', 'pnr-analyst', 'viewer'],
  'travellers:read': ['admin', 'analyst', 'officer', 'supervisor', 'pnr-analyst'],
  'reference:read': ['admin', 'analyst', 'officer', 'supervisor', 'pnr-analyst', 'viewer'],
  'reference:write': ['admin'],
  'users:manage': ['admin'],
  'tokens:manage': ['admin'],
  'audit:read': ['admin', 'supervisor'],
  // PNR data: only the Passenger Information Unit's analysts (EU PNR directive, Article 6).
  'pnr:read': ['admin', 'pnr-analyst'],
  'pnr:unmask': ['admin', 'pnr-analyst'],
  'pnr:hold': ['admin', 'pnr-analyst', 'supervisor'],
  'retention:run': ['admin'],
  'watchlists:read': ['admin', 'analyst', 'officer', 'supervisor', 'pnr-analyst'],
  'watchlists:manage': ['admin', 'analyst', 'supervisor'],
  'screen:run': ['admin', 'analyst', 'officer', 'supervisor', 'pnr-analyst'],
  'rules:read': ['admin', 'analyst', 'officer', 'supervisor', 'pnr-analyst'],
  'rules:write': ['admin', 'analyst', 'supervisor', 'pnr-analyst'],
  'hits:read': ['admin', 'analyst', 'officer', 'supervisor', 'pnr-analyst'],
  'hits:review': ['admin', 'analyst', 'officer', 'supervisor', 'pnr-analyst'],
  'targeting:run': ['admin'],
  'jobs:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof policy;

/** Who is acting: a signed-in user or an API client holding a token. */
export interface Actor {
  kind: 'user' | 'token';
  id: string;
  name: string;
  roles: Role[];
  unitId: string;
  jurisdictionCode: string;
}

export function can(actor: Actor, permission: Permission): boolean {
  const allowed: readonly Role[] = policy[permission];
  return actor.roles.some((role) => allowed.includes(role));
}

/** Jurisdictions whose records the actor may see; null means all (administrators). */
export function visibleJurisdictions(actor: Actor): string[] | null {
  return actor.roles.includes('admin') ? null : [actor.jurisdictionCode];
}

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(64)
  .regex(/^[a-z0-9._-]+$/i, 'may contain letters, digits, dot, dash and underscore only');

export const passwordSchema = z.string().min(12, 'must be at least 12 characters').max(256);

/** The second factor's code, when the user has one (`second_factor_required` says so). */
const loginCodeSchema = z.string().trim().max(12).optional();

export const loginSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  code: loginCodeSchema,
});

export const createUserSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(200),
  password: passwordSchema,
  unitId: z.uuid(),
  roles: z.array(roleSchema.exclude(['data-provider'])).min(1, 'give the user at least one role'),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const createTokenSchema = z.object({
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  unitId: z.uuid().optional(),
});

export const tokenRequestSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  name: z.string().trim().min(1).max(200).optional(),
  code: loginCodeSchema,
});

const jurisdictionSchema = z.object({ code: z.string(), name: z.string(), note: z.string().nullable() });
const agencySchema = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() });
const locationSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  iataCode: z.string().nullable(),
  unLocode: z.string().nullable(),
});

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  active: z.boolean(),
  /** Signs in with a one-time code as well (TOTP). */
  secondFactor: z.boolean(),
  /** Locked after failed sign-ins until then (an administrator can unlock it); null when not locked. */
  lockedUntil: z.string().nullable(),
  /** Signed in with a password an administrator gave: must set their own before anything else. */
  mustChangePassword: z.boolean(),
  unit: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    agency: agencySchema,
    location: locationSchema,
    jurisdiction: jurisdictionSchema,
  }),
});
export type UserView = z.infer<typeof userViewSchema>;

export const sessionViewSchema = z.object({ user: userViewSchema, csrfToken: z.string() });

export const tokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  unitId: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof tokenViewSchema>;

/** `POST /auth/password`: the signed-in user replaces their password. */
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'type your current password').max(256),
  newPassword: passwordSchema,
});

/** `PATCH /users/:id`: what an administrator changes of an account; absent fields stay as they are. */
export const updateUserSchema = z
  .object({
    displayName: z.string().trim().min(1, 'give the name people know the user by').max(200),
    unitId: z.uuid('choose a unit'),
    roles: z.array(roleSchema.exclude(['data-provider'])).min(1, 'give the user at least one role'),
    active: z.boolean(),
  })
  .partial()
  .refine(
    (value) => Object.keys(value).length > 0,
    'change at least one of displayName, unitId, roles, active',
  );
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** `POST /users/:id/password-reset`: the administrator's temporary password, or none to have one made. */
export const passwordResetSchema = z.object({ password: passwordSchema.optional() });

export const passwordResetResultSchema = z.object({
  user: userViewSchema,
  /** The password made by the server, shown this once; absent when the administrator typed one. */
  temporaryPassword: z.string().optional(),
});
