// The calendar-feed page's two buttons: make (or renew) the address, and stop it.
import { z } from "zod";

export const FeedAction = z.object({ intent: z.enum(["renew", "revoke"]) });
