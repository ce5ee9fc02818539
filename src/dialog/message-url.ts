/**
 * The message dialog's address: the ribbon command puts its message in the query of message.html
 * and the page reads it back. Both sides live here so that they cannot drift apart.
 *
 * Why a query and one `line` parameter per line: Office appends its own `_host_Info` parameter to
 * a dialog's address (after a hash too, which breaks it), and Excel on the web has refused an
 * encoded line break in a dialog's query (office-js issue #2762).
 */
import type { Lang, LocalText } from "../core/model/i18n";
import type { PageText } from "../taskpane/strings";
import { dialogEn } from "../taskpane/strings-en";
import { dialogVi } from "../taskpane/strings-vi";

export type MessageKind = "done" | "failed";

export interface DialogMessage {
  readonly lang: Lang;
  readonly kind: MessageKind;
  /** The message in `lang`, one paragraph per line; the page's own words come from PAGE_TEXT. */
  readonly text: string;
}

export const MESSAGE_PAGE = "message.html";

/** What the page sends its opener (Office.context.ui.messageParent) when the user closes it. */
export const CLOSE_MESSAGE = "close";

/**
 * The longest address built. Internet Explorer, the webview of older Office builds, refuses
 * addresses over 2,083 characters; a long message is cut to fit, with an ellipsis.
 */
export const MAX_URL = 2000;

/** A bound on what the page shows, whoever wrote the address. */
export const MAX_TEXT = 2000;

export const PAGE_TEXT: Readonly<Record<Lang, PageText>> = { vi: dialogVi, en: dialogEn };

/** message.html beside the page that opens it: the same on localhost:3000 and on publicUrl. */
export function dialogUrl(
  pageHref: string,
  message: { readonly lang: Lang; readonly kind: MessageKind; readonly text: LocalText },
): string {
  const folder = pageHref.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
  let url = `${folder}${MESSAGE_PAGE}?lang=${message.lang}&kind=${message.kind}`;
  for (const line of message.text[message.lang].split("\n")) {
    const head = `${url}&line=`;
    const bounded = encodeBounded(line, MAX_URL - head.length);
    if (bounded === null) break;
    url = head + bounded.encoded;
    if (bounded.cut) break;
  }
  return url;
}

/** The message in a page's query ("?lang=vi&kind=done&line=…&line=…"); defaults fill the gaps. */
export function parseMessage(search: string): DialogMessage {
  let lang: Lang = "vi";
  let kind: MessageKind = "failed";
  const lines: string[] = [];
  for (const pair of search.replace(/^\?/, "").split("&")) {
    const at = pair.indexOf("=");
    if (at < 0) continue;
    const name = pair.slice(0, at);
    const value = decode(pair.slice(at + 1));
    if (name === "lang" && value === "en") lang = "en";
    else if (name === "kind" && value === "done") kind = "done";
    else if (name === "line" && value.trim()) lines.push(value.trim());
  }
  const text = lines.join("\n").slice(0, MAX_TEXT) || PAGE_TEXT[lang].empty;
  return { lang, kind, text };
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // A hand-edited address with a stray "%": show it as written rather than nothing.
    return value;
  }
}

const ELLIPSIS = encodeURIComponent("…");

/**
 * The text percent-encoded in at most `budget` characters, cut between characters and ended with
 * an ellipsis if needed; null when not even a character fits.
 */
function encodeBounded(text: string, budget: number): { encoded: string; cut: boolean } | null {
  const whole = encodeChars(text);
  if (whole.length <= budget) return { encoded: whole, cut: false };
  let out = "";
  for (const ch of text) {
    const encoded = encodeChars(ch);
    if (out.length + encoded.length + ELLIPSIS.length > budget) break;
    out += encoded;
  }
  return out === "" ? null : { encoded: out + ELLIPSIS, cut: true };
}

/** encodeURIComponent, with a lone surrogate (which it refuses) replaced by U+FFFD. */
function encodeChars(text: string): string {
  let wellFormed = "";
  // for…of walks code points: a surrogate left on its own is a string of length 1.
  for (const ch of text)
    wellFormed += ch.length === 1 && /[\uD800-\uDFFF]/.test(ch) ? "\uFFFD" : ch;
  return encodeURIComponent(wellFormed);
}
