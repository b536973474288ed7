import { afterEach, inject, vi } from "vitest";
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
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
}));

// One client runs one query at a time: a second query sent while one is running is queued by pg 8
// (with a deprecation warning) and refused by pg 9. A transaction's queries must be awaited one
// after another, never under Promise.all. Such a query still runs here (throwing would leave the
// client mid-transaction), and the test that sent it fails, naming where it came from.
export const concurrentQueries: string[] = [];
const { Client } = (await import("pg")).default;
const query = Client.prototype.query;
Client.prototype.query = function (
  this: InstanceType<typeof Client> & {
    _activeQuery?: unknown;
    _queryQueue: unknown[];
    pipeline?: boolean;
  },
  ...args: unknown[]
) {
  if ((this._activeQuery || this._queryQueue.length > 0) && !this.pipeline) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 40;
    concurrentQueries.push(new Error("concurrent query").stack ?? "");
    Error.stackTraceLimit = limit;
  }
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;
afterEach(() => {
  const sent = concurrentQueries.splice(0);
  if (sent.length > 0)
    throw new Error(
      `A query was sent on a client still running another: await a transaction's queries one at a time (no Promise.all).\n${sent[0]}`,
    );
});
