import type { Language } from "../settings/program-settings.js";

/** What one email says, as plain text: the layout escapes every piece of it. */
export interface EmailContent {
  subject: string;
  /** The line inboxes show beside the subject. */
  preheader: string;
  heading: string;
  paragraphs: string[];
  /** A code to copy (a coupon), shown large in a box. */
  code?: { label: string; value: string; after: string[] };
}

/** What every email of a store shares: its name and colours, and the way out. */
export interface EmailFrame {
  lang: Language;
  storeName: string;
  /** `#rrggbb`, the widget's; `textColor` is readable on it (the program refuses one that is not). */
  primaryColor: string;
  textColor: string;
  footer: string;
  unsubscribeLabel: string;
  unsubscribeUrl: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for HTML, in element content and in quoted attributes alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

/** A colour the schema checked; anything else (never expected) falls back rather than reaching a style attribute. */
const colour = (value: string, fallback: string) => (/^#[0-9a-fA-F]{6}$/.test(value) ? value : fallback);

const FONT = "Arial,Helvetica,sans-serif";
const INK = "#1f2328";
const MUTED = "#57606a";

/**
 * The email in both parts. The HTML is the table layout mail clients render alike (Outlook included): a card of
 * at most 600 px that shrinks to the screen, styles inline, one media query for small screens.
 */
export function renderEmail(content: EmailContent, frame: EmailFrame): RenderedEmail {
  return { subject: content.subject, html: renderHtml(content, frame), text: renderText(content, frame) };
}

function renderHtml(content: EmailContent, frame: EmailFrame): string {
  const primary = colour(frame.primaryColor, "#1f6feb");
  const onPrimary = colour(frame.textColor, "#ffffff");
  const paragraph = (text: string) => `<p style="margin:0 0 16px;">${escapeHtml(text)}</p>`;
  const code = content.code
    ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 20px;">
<tr><td align="center" style="border:2px dashed ${primary};border-radius:6px;padding:16px;">
<div style="font:13px/1.4 ${FONT};color:${MUTED};">${escapeHtml(content.code.label)}</div>
<div style="font:700 26px/1.3 'Courier New',Courier,monospace;letter-spacing:2px;color:${INK};word-break:break-all;">${escapeHtml(content.code.value)}</div>
</td></tr></table>
${content.code.after.map(paragraph).join("\n")}`
    : "";
  return `<!doctype html>
<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<title>${escapeHtml(content.subject)}</title>
<style>
@media (max-width: 620px) { .ql-card { width: 100% !important; } .ql-pad { padding: 24px 20px !important; } }
</style>
</head>
<body style="margin:0;padding:0;background-color:#f4f5f7;">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(content.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" class="ql-card" width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;max-width:100%;background-color:#ffffff;border-radius:8px;">
<tr><td class="ql-pad" style="background-color:${primary};color:${onPrimary};padding:20px 32px;font:600 18px/1.3 ${FONT};border-radius:8px 8px 0 0;">${escapeHtml(frame.storeName)}</td></tr>
<tr><td class="ql-pad" style="padding:32px;font:16px/1.5 ${FONT};color:${INK};">
<h1 style="margin:0 0 16px;font:700 24px/1.3 ${FONT};color:${INK};">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map(paragraph).join("\n")}
${code}
</td></tr>
<tr><td class="ql-pad" style="padding:20px 32px;border-top:1px solid #e5e7eb;font:13px/1.5 ${FONT};color:${MUTED};">
${escapeHtml(frame.footer)}<br>
<a href="${escapeHtml(frame.unsubscribeUrl)}" style="color:${MUTED};text-decoration:underline;">${escapeHtml(frame.unsubscribeLabel)}</a>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function renderText(content: EmailContent, frame: EmailFrame): string {
  const parts = [content.heading, ...content.paragraphs];
  if (content.code) parts.push(`${content.code.label}: ${content.code.value}`, ...content.code.after);
  parts.push(`--\n${frame.storeName}\n${frame.footer}\n${frame.unsubscribeLabel}: ${frame.unsubscribeUrl}`);
  return `${parts.join("\n\n")}\n`;
}
