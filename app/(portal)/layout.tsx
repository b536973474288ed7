import { LanguageSwitch } from "@/components/shell/language-switch";

/** Public pages an organisation shows to its customers: no sign-in, no console chrome. */
export default function PortalLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <div className="mx-auto flex max-w-3xl justify-end px-4 pt-4">
        <LanguageSwitch />
      </div>
      <main id="main" className="mx-auto max-w-3xl px-4 pb-16 pt-2">
        {children}
      </main>
    </div>
  );
}
