// Zod's fallback messages in Dutch. Every field names its own message (see fields.ts); this is the net under them,
// so a schema that forgets one never shows "Required" or "Expected string" to a person. Imported for its effect by
// the form layer, in the browser and on the server.
import { z } from "zod";

const dutch: z.ZodErrorMap = (issue) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return { message: issue.received === "undefined" ? "Vul dit veld in." : "Dit veld klopt niet." };
    case z.ZodIssueCode.too_small:
      return { message: issue.type === "string" ? "Vul dit veld in." : "Kies minstens één." };
    case z.ZodIssueCode.too_big:
      return {
        message: issue.type === "string" ? `Dit mag hoogstens ${String(issue.maximum)} tekens lang zijn.` : "Te veel.",
      };
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_literal:
    case z.ZodIssueCode.invalid_union_discriminator:
      return { message: "Kies een van de mogelijkheden." };
    case z.ZodIssueCode.invalid_string:
      return { message: "Dit veld klopt niet." };
    case z.ZodIssueCode.invalid_date:
      return { message: "Vul een geldige datum in." };
    default:
      return { message: "Dit veld klopt niet." };
  }
};

z.setErrorMap(dutch);
