import type { BulkProgress } from "./load";

const duration = (seconds: number) => {
  if (!Number.isFinite(seconds)) return "…";
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s` : `${s}s`;
};

/** One progress line, rewritten in place on a terminal (a line every 10% otherwise). */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let lastTenth = -1;
  return ({ done, total, rate, etaSeconds }: BulkProgress) => {
    const line = `customers ${done.toLocaleString("en")} / ${total.toLocaleString("en")} · ${Math.round(rate).toLocaleString("en")}/s · ETA ${duration(etaSeconds)}`;
    if (stream.isTTY) {
      stream.write(`\r${line}\x1b[K${done === total ? "\n" : ""}`);
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth !== lastTenth || done === total) stream.write(`${line}\n`);
    lastTenth = tenth;
  };
}
