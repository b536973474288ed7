import Link from "next/link";

export function StatusPage({
  code,
  title,
  body,
  linkLabel,
}: {
  code: string;
  title: string;
  body?: string;
  linkLabel: string;
}) {
  return (
    <div className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center text-center">
      <p className="text-sm font-semibold text-brand-600">{code}</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{title}</h1>
      {body && <p className="mt-2 text-sm text-slate-600">{body}</p>}
      <Link href="/" className="mt-6 text-sm font-medium text-brand-700 hover:underline">
        {linkLabel}
      </Link>
    </div>
  );
}
