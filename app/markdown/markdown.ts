// Participants write in Markdown. Rendering is safe by construction: raw HTML is shown as text, links may only
// point to http(s), mailto or a path on this site (no javascript:, data:, vbscript:, file:), images only to this site.
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: true, breaks: true });

const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

md.validateLink = (url: string) => SAFE_URL.test(url.trim());

// Links leave the site in a new context without handing over the page.
const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet("rel", "nofollow noopener noreferrer");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// Images load only from this site: a remote image would tell its server who read the page and when. A remote
// image becomes a plain link to it.
const defaultImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (!token) return "";
  const src = String(token.attrGet("src") ?? "");
  if (src.startsWith("/") && !src.startsWith("//")) return defaultImage(tokens, idx, options, env, self);
  const alt = self.renderInlineAsText(token.children ?? [], options, env) || "afbeelding";
  return `<a href="${md.utils.escapeHtml(src)}" rel="nofollow noopener noreferrer">${md.utils.escapeHtml(alt)}</a>`;
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}
