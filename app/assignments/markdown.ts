// Participants write in Markdown. Rendering is safe by construction: raw HTML is shown as text, and links and
// images may only point to http(s), mailto or a path on this site (no javascript:, data:, vbscript:, file:).
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: true, breaks: true });

const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

md.validateLink = (url: string) => SAFE_URL.test(url.trim());

// Links leave the site in a new context without handing over the page.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet("rel", "nofollow noopener noreferrer");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}
