import { portalVisit } from "@/lib/portal/cookies";
import { organizationBySlug } from "@/lib/organizations/queries";
import { allowTrackingLookup, downloadAsRequester } from "@/lib/requests/requester/track";
import { log } from "@/lib/core/log/logger";

/**
 * The requester's data package. Public: the tracking token in the POST body is the capability
 * (never a URL); rate-limited per address; audited `request.downloaded` as the customer. Any
 * failure answers the same neutral 404.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ org: string }> },
): Promise<Response> {
  const notFound = () =>
    new Response("Not found", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  try {
    if (!(await allowTrackingLookup((await portalVisit()).ip)))
      return new Response("Too many requests", { status: 429 });
    const org = await organizationBySlug((await params).org);
    const form = await request.formData().catch(() => null);
    const token = form?.get("token");
    if (!org || typeof token !== "string") return notFound();
    const file = await downloadAsRequester(org.id, token);
    if (!file) return notFound();
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    log.error({ err: error }, "request package download failed");
    return notFound();
  }
}
