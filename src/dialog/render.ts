/**
 * Fills message.html with a message: the language, a heading, one paragraph per line in a live
 * region (filled after load, so screen readers announce it), and the close button, focused.
 * Text only goes through textContent: the address is not trusted markup.
 */
import { DialogMessage, PAGE_TEXT } from "./message-url";

export function renderMessage(doc: Document, message: DialogMessage, onClose: () => void): void {
  const text = PAGE_TEXT[message.lang];
  const title = text.title[message.kind];
  doc.documentElement.lang = message.lang;
  doc.title = `ISHC Check – ${title}`;
  element(doc, "title").textContent = title;

  const body = element(doc, "message");
  body.textContent = "";
  for (const line of message.text.split("\n")) {
    const p = doc.createElement("p");
    p.textContent = line;
    body.appendChild(p);
  }
  body.className = message.kind;

  const button = element(doc, "close");
  button.textContent = text.close;
  button.addEventListener("click", onClose);
  doc.addEventListener("keydown", (event) => {
    if (event.key === "Escape" || event.key === "Esc") onClose();
  });
  button.focus();
}

function element(doc: Document, id: string): HTMLElement {
  const found = doc.getElementById(id);
  if (!found) throw new Error(`message.html has no #${id}`);
  return found;
}
