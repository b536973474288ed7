/** SHA-256 fingerprint in groups of four, easy to read out over the phone and compare. */
export function KeyFingerprint({
  fingerprint,
  label,
  hint,
}: {
  fingerprint: string;
  label: string;
  hint: string;
}) {
  const groups = fingerprint.match(/.{1,4}/g) ?? [];
  return (
    <div>
      <p className="text-xs font-medium text-slate-700">{label}</p>
      <p
        data-testid="key-fingerprint"
        className="mt-1 font-mono text-xs leading-5 tracking-wide break-words text-slate-900"
      >
        {groups.join(" ")}
      </p>
      <p className="mt-1 text-xs text-slate-500">{hint}</p>
    </div>
  );
}
