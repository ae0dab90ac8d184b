import { createLogger } from "@tiffin/kit";
import { createService } from "../wiring";

const svc = createService();
const log = createLogger("restaurants");

/**
 * Scheduled (every minute on AWS, every 2 s locally, once at start): rejects the new tickets nobody
 * answered within TICKET_ANSWER_MINUTES, reason not_answered. Quiet runs are not logged.
 */
export const handler = async () => {
  const run = await svc.rejectOverdueTickets();
  if (run.rejected || run.alreadyAnswered) log.info("ticket timeouts run", run);
  return run;
};
