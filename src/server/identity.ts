import { z } from "zod";

/**
 * Who is calling. `viewer` reads results and the team's history; `submitter` also composes and submits (and
 * reconciles their own submissions); `admin` also publishes, undoes (archives), acts on everyone's
 * submissions and drives the simulator's controls (decision 062).
 */
export const Role = z.enum(["viewer", "submitter", "admin"]);
export type Role = z.infer<typeof Role>;

export const SignedInUser = z.object({
  /** Stable id: the e-mail address (OIDC `email` claim or the trusted proxy header). */
  id: z.string().min(1),
  name: z.string().optional(),
  role: Role,
});
export type SignedInUser = z.infer<typeof SignedInUser>;

const RANK: Record<Role, number> = { viewer: 0, submitter: 1, admin: 2 };

/** Whether `role` may do what `needed` may. */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** Without sign-in (`AUTH_MODE=none`, loopback only) the one person at the machine may do everything. */
export const LOCAL_USER: SignedInUser = { id: "local", name: "This computer", role: "admin" };
