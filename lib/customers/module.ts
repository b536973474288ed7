import { everyone, officers } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

/** The vault's subjects: sealed personal fields, search by blind index, reveal, erasure. */
export const customersModule = defineModule({
  name: "customers",
  permissions: {
    customers: { read: everyone, reveal: officers, import: officers },
  },
  auditActions: [
    "customer.created",
    "customer.updated",
    "customer.erased",
    "customer.revealed",
    "customer.looked_up",
    "customer.read",
    "customer.batch_upserted",
    "customer.changes_read",
    "customer.minors_backfilled",
  ],
  nav: [
    {
      href: "/customers",
      key: "customers",
      permission: "customers.read",
      group: "work",
      position: 30,
    },
  ],
  messages: ["customers"],
  jobs: async () => [(await import("./erasure-ledger-sync")).erasureLedgerJob],
});
