"use client";

import { useRouter } from "next/navigation";

const ORG_COOKIE = "pd_org";

/** The server checks the chosen organisation against the user's memberships on every request. */
export function OrgSwitch({
  current,
  options,
  label,
}: {
  current: string;
  options: Array<{ id: string; name: string }>;
  label: string;
}) {
  const router = useRouter();
  if (options.length < 2)
    return (
      <span className="min-w-0 truncate text-sm font-medium text-slate-800">
        {options[0]?.name}
      </span>
    );
  return (
    <select
      aria-label={label}
      value={current}
      onChange={(e) => {
        document.cookie = `${ORG_COOKIE}=${e.target.value}; path=/; max-age=31536000; samesite=lax`;
        router.push("/");
        router.refresh();
      }}
      className="max-w-40 min-w-0 rounded-md sm:max-w-64 border-0 bg-white py-1.5 pl-2 pr-7 text-sm font-medium ring-1 ring-slate-300"
    >
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}
