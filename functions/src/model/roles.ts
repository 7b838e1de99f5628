import { z } from "zod";

/**
 * Roles in the committee console, carried as the `role` custom claim on the Auth token.
 * - admin: the secretariat; manages members, roles and everything else.
 * - editor: a committee member who drafts and edits content.
 * - reviewer: approves and publishes what editors submit.
 */
export const ROLES = ["admin", "editor", "reviewer"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
