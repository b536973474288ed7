import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { CopyButton } from "@/components/ui/copy-button";
import { Notice } from "@/components/ui/notice";
import { issueEnrolment } from "@/lib/account/enrolment-token";
import { totpUri } from "@/lib/core/auth/totp";
import { EnrolmentFlow } from "./enrolment-flow";

/** Groups of four, as authenticator apps print keys, so a typed key is easy to check. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)!.join(" ");

/** A fresh secret for this visit: QR code, the key to type, and the confirm form. */
export async function EnrolmentSetup({
  userId,
  email,
  required,
}: {
  userId: string;
  email: string;
  required: boolean;
}) {
  const [t, copied, page] = await Promise.all([
    getTranslations("account.twoFactor.setup"),
    getTranslations("account.recoveryCodes"),
    getTranslations("account.twoFactor"),
  ]);
  const { secret, token } = issueEnrolment(userId);
  // An SVG image in a data: URL: rendered on the server, allowed by the CSP, no script needed.
  const svg = await QRCode.toString(totpUri({ secret, account: email }), {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
  });
  const qr = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  return (
    <EnrolmentFlow
      token={token}
      account={email}
      notice={required && <Notice tone="warning">{page("requiredNotice")}</Notice>}
    >
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
        <li>{t("step1")}</li>
        <li>{t("step2")}</li>
        <li>{t("step3")}</li>
      </ol>
      <div className="flex flex-col gap-6 sm:flex-row sm:items-center">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing to optimise */}
        <img
          src={qr}
          alt={t("qrAlt")}
          width={176}
          height={176}
          className="size-44 shrink-0 rounded-md bg-white ring-1 ring-slate-200"
        />
        <div className="min-w-0 space-y-2">
          <p id="totp-secret-label" className="text-sm font-medium text-slate-700">
            {t("keyLabel")}
          </p>
          <code
            aria-labelledby="totp-secret-label"
            data-testid="totp-secret"
            className="block break-all rounded-md bg-slate-50 px-3 py-2 font-mono text-base tracking-wider text-slate-900 ring-1 ring-slate-200"
          >
            {grouped(secret)}
          </code>
          <p className="text-xs text-slate-500">{t("keyDetails")}</p>
          <CopyButton text={secret} label={t("copyKey")} copiedLabel={copied("copied")} />
        </div>
      </div>
      <p className="text-xs text-slate-500">{t("freshKey")}</p>
    </EnrolmentFlow>
  );
}
