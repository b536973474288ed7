import { sql } from "drizzle-orm";
import { appDb } from "@/db/client";

/** Liveness and database reachability, for load balancers and the test harness. No data. */
export async function GET() {
  try {
    await appDb().execute(sql`select 1`);
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
