"use client";

import { useState } from "react";
import { InviteForm, type Option } from "./invite-form";

/** Remounting the form (new key) clears the last answer and starts a fresh invitation. */
export function InviteFlow({
  roleOptions,
  departmentOptions,
}: {
  roleOptions: Option[];
  departmentOptions: Option[];
}) {
  const [round, setRound] = useState(0);
  return (
    <InviteForm
      key={round}
      roleOptions={roleOptions}
      departmentOptions={departmentOptions}
      onAgain={() => setRound((r) => r + 1)}
    />
  );
}
