// The community's forms, one zod schema each, read by the browser and the server alike (see forms/). What a text
// must be (long enough, not too long) is the community's own rule and comes back from it as field errors.
import { z } from "zod";

const text = z.string().default("");
const postId = z.string();

export const ThreadSchema = z.object({
  intent: z.literal("thread"),
  title: text,
  body: text,
  themes: z.array(z.string()).default([]),
  tags: text,
});

export const ReplySchema = z.object({ intent: z.literal("reply"), body: text });
export const FollowSchema = z.object({ intent: z.literal("follow") });
export const HelpedSchema = z.object({ intent: z.literal("helped"), postId });
export const ReportSchema = z.object({ intent: z.literal("report"), postId, reason: text });
export const HideSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("hide"), postId, reason: text }),
  z.object({ intent: z.literal("unhide"), postId, reason: text }),
]);

/** A thread's forms for this reader: hiding and showing posts only for its moderators. */
export function threadActionSchema(may: { moderate: boolean }) {
  return z.discriminatedUnion("intent", [
    ReplySchema,
    FollowSchema,
    HelpedSchema,
    ReportSchema,
    ...(may.moderate ? HideSchema.options : []),
  ]);
}

export const MentorSchema = z.object({ intent: z.enum(["mentor", "unmentor"]), userId: z.string() });

/** A gilde room's forms for this reader: linking a mentor only for its trainers (and admins). */
export function roomActionSchema(room: { moderate: boolean }) {
  return z.discriminatedUnion("intent", [ThreadSchema, ...(room.moderate ? [MentorSchema] : [])]);
}

export const DirectorySchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("in"),
    region: text,
    organisation: text,
    themes: z.array(z.string()).default([]),
    openToMentoring: z.boolean().default(false),
  }),
  z.object({ intent: z.literal("out") }),
]);

export const CaseSchema = z.object({
  title: text,
  situation: text,
  residents: text,
  role: text,
  result: text,
  learned: text,
  municipality: text,
  wijk: text,
  themes: z.array(z.string()).default([]),
  namesToStrip: text,
  /** People in the case who must consent for the practice library (issue 24), one per line. */
  people: text,
  consent: z.boolean().default(false),
  sourceSubmissionId: z
    .string()
    .optional()
    .transform((id) => id ?? null),
});

export const WithdrawSchema = z.object({});
