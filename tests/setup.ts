import { inject, vi } from "vitest";
import type { Actor } from "@/lib/core/auth/actor";

// Every test file sees the run's fresh database and secrets, as the server would.
Object.assign(process.env, inject("testEnv"));

/** The person server actions run as in tests; set it with `actAs` from tests/factories. */
export const currentActor: { value: Actor | null } = { value: null };

vi.mock("@/lib/core/auth/actor", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/core/auth/actor")>()),
  getActor: async () => currentActor.value,
  getSignedInUser: async () => currentActor.value && { userId: currentActor.value.userId },
}));
// Messages are keys in tests, so assertions do not depend on wording.
vi.mock("@/lib/core/i18n/translator", () => ({
  translator: async (namespace: string) => (key: string) => `${namespace}.${key}`,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
