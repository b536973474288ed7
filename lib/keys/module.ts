import { admins, officersAndAuditors } from "@/lib/core/authz/roles";
import { defineModule } from "@/lib/core/modules/define-module";

export const keysModule = defineModule({
  name: "keys",
  permissions: {
    keys: { read: officersAndAuditors, rotate: admins },
  },
  auditActions: [
    "key.rotation_started",
    "key.rotation_superseded",
    "key.rotation_completed",
    "key.version_destroyed",
    "key.master_rotated",
  ],
  nav: [
    {
      href: "/settings/keys",
      key: "keys",
      permission: "keys.read",
      group: "organisation",
      position: 130,
    },
  ],
  messages: ["keys"],
  jobs: async () => {
    const { keyRotationJob, keyRotationSweepJob } = await import("./rotation-job");
    return [keyRotationJob, keyRotationSweepJob];
  },
});
