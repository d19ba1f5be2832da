// Work the app does in the background, inside each app process. Every job is safe to run in several
// instances at once (row locks with SKIP LOCKED, or a unique key recording what was done).
import { sendDeadlineReminders } from "~/assignments/reminders.server";
import { sendContactDayReminders } from "~/calendar/reminders.server";
import { sendWeeklyDigests } from "~/community/digest.server";
import { endExpiredConsents } from "~/consent/consents.server";
import { maintainWaitlists } from "~/enrollment/waitlist.server";
import { sweepLoginStates } from "~/lti/login.server";
import { sweepRegistrationProofs } from "~/lti/registration.server";
import { deliverScorePosts } from "~/lti/score-delivery.server";
import { maintainPeerReviews } from "~/peer-review/allocation.server";
import { applyRetention } from "~/privacy/retention.server";
import { deliverOutbox } from "./sender.server";

export function startJobs({ intervalMs = 30_000 } = {}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await sendDeadlineReminders();
      await sendContactDayReminders();
      await maintainPeerReviews();
      await sendWeeklyDigests();
      await applyRetention();
      await maintainWaitlists();
      await endExpiredConsents();
      await sweepLoginStates();
      await sweepRegistrationProofs();
      await deliverOutbox();
      await deliverScorePosts();
    } catch (error) {
      console.error("Achtergrondtaak mislukt:", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
