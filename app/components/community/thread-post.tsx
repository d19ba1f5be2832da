// One post in a thread, with what a reader may do with it: "dit hielp mij", report it, and for moderators hide it
// (with a reason the author sees) or show it again. Each is a schema form of its own.
import { HelpedSchema, HideSchema, ReportSchema } from "~/community/forms";
import { Field } from "~/components/field";
import { GildeForm } from "~/components/form";
import { formatDateTime } from "~/format";
import { useGildeForm } from "~/forms/use-form";

type Post = {
  id: string;
  author: string;
  mine: boolean;
  createdAt: string;
  html: string | null;
  hidden: { reason: string | null } | null;
  helped: number;
  helpedByMe: boolean;
};

export function ThreadPost({ post, moderate }: { post: Post; moderate: boolean }) {
  return (
    <article className={post.hidden ? "post post--hidden" : "post"} aria-label={`Bericht van ${post.author}`}>
      <p className="muted flush">
        <strong>{post.author}</strong> · {formatDateTime(post.createdAt)}
      </p>
      {post.hidden ? (
        <p className="notice notice--warm">
          Verborgen door een moderator{post.hidden.reason ? `: ${post.hidden.reason}` : "."}
        </p>
      ) : null}
      {post.html ? <div className="prose space-top-xs" dangerouslySetInnerHTML={{ __html: post.html }} /> : null}
      <div className="inline-form">
        {post.mine ? <span className="muted">{post.helped} keer: dit hielp mij</span> : <Helped post={post} />}
        {!post.mine ? <Report post={post} /> : null}
        {moderate ? <Hide post={post} /> : null}
      </div>
    </article>
  );
}

function Helped({ post }: { post: Post }) {
  const [form, fields] = useGildeForm(HelpedSchema, { id: `hielp-${post.id}` });
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.postId.name} value={post.id} />
      <button
        type="submit"
        name={fields.intent.name}
        value="helped"
        className="button button--quiet"
        aria-pressed={post.helpedByMe}
      >
        Dit hielp mij ({post.helped})
      </button>
    </GildeForm>
  );
}

function Report({ post }: { post: Post }) {
  const [form, fields] = useGildeForm(ReportSchema, { id: `melden-${post.id}` });
  return (
    <details open={Boolean(form.errors?.length || fields.reason.errors)}>
      <summary>Melden</summary>
      <GildeForm form={form} className="inline-form">
        <input type="hidden" name={fields.postId.name} value={post.id} />
        <Field meta={fields.reason} label="Wat is er mis?" required />
        <button type="submit" name={fields.intent.name} value="report" className="button button--quiet">
          Melden
        </button>
      </GildeForm>
    </details>
  );
}

function Hide({ post }: { post: Post }) {
  const [form, fields] = useGildeForm(HideSchema, { id: `verbergen-${post.id}` });
  return (
    <details open={Boolean(form.errors?.length || fields.reason.errors)}>
      <summary>{post.hidden ? "Weer tonen" : "Verbergen"}</summary>
      <GildeForm form={form} className="inline-form">
        <input type="hidden" name={fields.postId.name} value={post.id} />
        {post.hidden ? null : <Field meta={fields.reason} label="Reden (de schrijver ziet die)" required />}
        <button
          type="submit"
          name={fields.intent.name}
          value={post.hidden ? "unhide" : "hide"}
          className="button button--quiet"
        >
          {post.hidden ? "Weer tonen" : "Verbergen"}
        </button>
      </GildeForm>
    </details>
  );
}
