// A schema form, rendered one way: Conform's props on Remix's <Form>, the hidden field that names the form, and the
// form's own message at the top. After a refusal, focus goes to that message (or else to the first field with an
// error), and password inputs are emptied, as the server never sends a password back. When the browser's own check
// stops a submit, focus goes to the first field it found wrong.
import { getFormProps, type FormMetadata } from "@conform-to/react";
import { Form, type FormProps } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { FORM_ID_FIELD } from "~/forms/protocol";
import { useFormReply } from "~/forms/use-form";

type Schema = Record<string, unknown>;

type GildeFormProps<S extends Schema> = Omit<FormProps, "id" | "onSubmit" | "noValidate"> & { form: FormMetadata<S> };

export function GildeForm<S extends Schema>({ form, children, method = "post", ...props }: GildeFormProps<S>) {
  const reply = useFormReply(form.id);
  const ref = useRef<HTMLFormElement>(null);
  const answered = useRef<unknown>(null);
  const checkedInBrowser = useRef(false);
  const conform = getFormProps(form);
  // Conform renders the server's errors a render after the answer arrives: focus once they are on the page.
  useEffect(() => {
    const element = ref.current;
    if (checkedInBrowser.current && element) {
      const invalid = element.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (invalid) {
        checkedInBrowser.current = false;
        invalid.focus();
      }
    }
    if (!reply || reply.status !== "error" || !element || answered.current === reply) return;
    const passwords = element.querySelectorAll<HTMLInputElement>('input[type="password"]');
    const target =
      element.querySelector<HTMLElement>("[data-form-message]") ??
      element.querySelector<HTMLElement>('[aria-invalid="true"]');
    const expected = Object.values(reply.error ?? {}).some((errors) => errors?.length);
    if (expected ? !target : !passwords.length) return;
    answered.current = reply;
    passwords.forEach((input) => (input.value = ""));
    (target ?? passwords[0])?.focus();
  });
  return (
    <Form
      ref={ref}
      method={method}
      {...conform}
      onSubmit={(event) => {
        conform.onSubmit(event);
        checkedInBrowser.current = event.defaultPrevented;
      }}
      {...props}
    >
      <input type="hidden" name={FORM_ID_FIELD} value={form.id} />
      <FormMessage form={form} />
      {children}
    </Form>
  );
}

/** The form's own message: a refusal that is not about one field. */
function FormMessage<S extends Schema>({ form }: { form: FormMetadata<S> }) {
  if (!form.errors?.length) return null;
  return (
    <div className="notice notice--error" role="alert" id={form.errorId} tabIndex={-1} data-form-message>
      {form.errors.join(" ")}
    </div>
  );
}

/** The one-time message after something worked (see forms/flash.server.ts), at the top of the page. */
export function FlashMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="notice notice--flash" role="status">
      {message}
    </p>
  );
}
