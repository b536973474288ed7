import { getFormatter } from "next-intl/server";

/** A timestamp shown in China time, with the exact UTC instant on hover and for machines. */
export async function EventTime({ iso }: { iso: string }) {
  const format = await getFormatter();
  const text = format.dateTime(new Date(iso), {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  });
  return (
    <time
      dateTime={iso}
      title={`${iso.replace("T", " ").replace("Z", "")} UTC`}
      className="whitespace-nowrap tabular-nums"
    >
      {text}
    </time>
  );
}
