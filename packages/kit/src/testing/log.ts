export interface LogLine {
  level: "info" | "warn";
  message: string;
  extra: Record<string, unknown>;
}

/** A Log (every service's `info`/`warn` port) that keeps its lines, so tests can assert what an operator would read. */
export class RecordingLog {
  readonly lines: LogLine[] = [];

  info(message: string, extra: Record<string, unknown>): void {
    this.lines.push({ level: "info", message, extra });
  }

  warn(message: string, extra: Record<string, unknown>): void {
    this.lines.push({ level: "warn", message, extra });
  }
}
