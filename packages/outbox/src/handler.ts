import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import type { RelayRun } from "./relay";

export const METRICS_NAMESPACE = "Tiffin";

/**
 * The scheduled Lambda of a service's outbox relay: runs it, then publishes its figures as CloudWatch
 * metrics (Powertools Metrics, one EMF log line): `oldestPendingAgeSeconds` is the one to alarm on, with
 * `outboxParked` (entries waiting for an operator). Quiet runs (nothing pending, sent, failed or parked)
 * publish nothing, so an alarm should treat missing data as fine; locally the relay runs every 2 s.
 */
export const createRelayHandler = (opts: {
  service: string;
  relay: () => Promise<RelayRun>;
  metrics?: Metrics;
}) => {
  const metrics = opts.metrics ?? new Metrics({ namespace: METRICS_NAMESPACE, serviceName: opts.service });
  return async (): Promise<RelayRun> => {
    const run = await opts.relay();
    if (run.sent || run.failed || run.oldestPendingAgeSeconds || run.parkedTotal) {
      metrics.addMetric("oldestPendingAgeSeconds", MetricUnit.Seconds, run.oldestPendingAgeSeconds);
      metrics.addMetric("outboxSent", MetricUnit.Count, run.sent);
      metrics.addMetric("outboxFailed", MetricUnit.Count, run.failed);
      metrics.addMetric("outboxParked", MetricUnit.Count, run.parkedTotal);
      metrics.publishStoredMetrics();
    }
    return run;
  };
};
