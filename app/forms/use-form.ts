// The browser half of the form protocol: Conform's useForm with the route's own zod schema, so the browser checks
// what the server checks (on leaving a field, then while typing), and the server's answer for THIS form (several
// forms may share a page) fills in errors and what was typed.
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { useActionData } from "@remix-run/react";
import type { z } from "zod";
import type { FormReply } from "./protocol";

/** The server's last answer, if it belongs to the form `id`. */
export function useFormReply(id: string): FormReply | undefined {
  const reply = useActionData() as FormReply | undefined;
  if (!reply || typeof reply !== "object" || !("status" in reply)) return undefined;
  return (reply.formId ?? id) === id ? reply : undefined;
}

export function useGildeForm<Schema extends z.ZodTypeAny>(
  schema: Schema,
  { id, defaultValue }: { id: string; defaultValue?: Record<string, unknown> },
) {
  const lastResult = useFormReply(id);
  return useForm<z.input<Schema> & Record<string, unknown>, z.output<Schema>>({
    id,
    lastResult,
    defaultValue: defaultValue as never,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}
