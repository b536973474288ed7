import pino, { type Logger } from "pino";
import { countLoggedError } from "@/lib/core/metrics/registry";
import { currentRequest } from "./request-context";
import { safeFields } from "./safe-fields";

/**
 * The one logger of the server, the worker and the scripts that start them: JSON lines on stdout
 * (`{"level":"error","time":…,"reqId":…,"msg":"api request failed","route":…,"err":{…}}`).
 * Call it as `log.error({ err, orgId }, "constant message")`. The message is a constant phrase;
 * anything that varies goes in the fields, which pass the allow-list of safe-fields.ts. pino's
 * printf-style arguments are dropped, and an error never lends the line its message.
 * LOG_LEVEL chooses the level (default info; debug adds a line per request).
 */
const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
const level = LEVELS.includes(process.env.LOG_LEVEL ?? "") ? process.env.LOG_LEVEL! : "info";

type Sink = (line: string) => void;
const globalForLog = globalThis as unknown as { pdLog?: { logger: Logger; sink: Sink } };

function createLogger(): Logger {
  const logger = pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => safeFields(bindings),
        log: (fields) => safeFields(fields),
      },
      serializers: { err: (value: unknown) => value },
      mixin: () => {
        const request = currentRequest();
        return request ? { reqId: request.reqId } : {};
      },
      hooks: {
        logMethod(args, method, levelNumber) {
          const [first, second] = args as unknown[];
          const fields =
            first instanceof Error
              ? { err: first }
              : typeof first === "object" && first !== null
                ? first
                : {};
          const message =
            typeof first === "string" ? first : typeof second === "string" ? second : "log";
          if (levelNumber >= 50) countLoggedError(message);
          method.apply(this, [fields, message] as never);
        },
      },
    },
    { write: (line: string) => globalForLog.pdLog!.sink(line) },
  );
  // A child's bindings are written as given (pino's bindings formatter sees only the base):
  // they pass the allow-list here, and every child's child inherits this method.
  const child = logger.child;
  logger.child = function (this: Logger, bindings, options) {
    return child.call(this, safeFields(bindings), options);
  } as Logger["child"];
  return logger;
}

const state = (globalForLog.pdLog ??= {
  logger: undefined as unknown as Logger,
  sink: (line) => void process.stdout.write(line),
});
state.logger ??= createLogger();

export const log: Logger = state.logger;

/** Sends every log line to `sink` instead of stdout until the returned function is called (tests). */
export function redirectLogs(sink: Sink): () => void {
  const previous = state.sink;
  state.sink = sink;
  return () => {
    state.sink = previous;
  };
}
