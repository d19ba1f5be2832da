// What the browser and the server agree on about forms (issue 17): every form is one zod schema, read with Conform
// (`parseWithZod`) on both sides. A refusal comes back as Conform's submission result (what was typed, errors per
// field, the form's own error), tagged with the form it belongs to, because one page may hold several forms.
import type { SubmissionResult } from "@conform-to/react";
import "./dutch-errors";

/** The hidden field that says which form on the page was sent (see `FormId` in components/field.tsx). */
export const FORM_ID_FIELD = "__form";

export type FormReply = SubmissionResult<string[]> & { formId?: string };

/** Fields whose value is never sent back to the page. */
export const SECRET_FIELDS = ["password", "newPassword", "currentPassword"];
