import { defineModule } from "@/lib/core/modules/define-module";

/** The platform's trade records (merchants, vouchers, listings, orders, payment accounts), pushed by the API. */
export const vaultModule = defineModule({
  name: "vault",
  auditActions: ["vault.batch_upserted"],
});
