import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/core/errors";

export type UserRow = typeof users.$inferSelect;

/** The signed-in person's row, locked until the transaction ends, as sign-in locks it. */
export async function lockOwnUser(tx: Tx, userId: string): Promise<UserRow> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw new AppError("notFound");
  return user;
}
