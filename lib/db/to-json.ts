import type { Prisma } from "./generated/client";

/** A value as plain JSON for a Json column: what JSON.stringify keeps (no undefined, no class instances). */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
