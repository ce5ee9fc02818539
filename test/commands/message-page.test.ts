/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://localhost:3000/message.html?lang=en&kind=done&line=1%2F3%20clubs%20pass.&line=See%20the%20sheets.&_host_Info=Excel$Win32$16.01$en-US$$$$0|isDialog"}
 *
 * src/dialog/message.html with its script: what it shows and how it closes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { renderMessage } from "../../src/dialog/render";

const TEMPLATE = readFileSync(path.resolve(__dirname, "../../src/dialog/message.html"), "utf8");

/** Loads the page's markup into the document; scripts set through innerHTML do not run. */
function loadPage(): void {
  const inner = /<html[^>]*>([\s\S]*)<\/html>/i.exec(TEMPLATE)![1]!;
  document.documentElement.innerHTML = inner;
  document.documentElement.lang = "vi";
}

const byId = (id: string) => document.getElementById(id)!;

describe("the message page", () => {
  beforeEach(loadPage);

  it("shows the message in its language, as paragraphs in a status region", () => {
    renderMessage(
      document,
      { lang: "vi", kind: "done", text: "1/3 CLB đạt; 14 lỗi.\nXem các trang: Kết quả CLB." },
      () => undefined,
    );
    expect(document.documentElement.lang).toBe("vi");
    expect(document.title).toBe("ISHC Check – Kết quả kiểm tra");
    expect(byId("title").tagName).toBe("H1");
    expect(byId("title").textContent).toBe("Kết quả kiểm tra");
    const status = byId("message");
    expect(status.getAttribute("role")).toBe("status");
    expect([...status.querySelectorAll("p")].map((p) => p.textContent)).toEqual([
      "1/3 CLB đạt; 14 lỗi.",
      "Xem các trang: Kết quả CLB.",
    ]);
  });

  it("has a labelled close button, focused, that closes on click and on Escape", () => {
    const onClose = jest.fn();
    renderMessage(document, { lang: "en", kind: "failed", text: "Sheet protected." }, onClose);
    const button = byId("close") as HTMLButtonElement;
    expect(button.type).toBe("button");
    expect(button.textContent).toBe("Close");
    expect(document.activeElement).toBe(button);
    expect(byId("title").textContent).toBe("The check could not run");
    button.click();
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it("shows markup in the message as text", () => {
    renderMessage(
      document,
      { lang: "en", kind: "failed", text: '<img src=x onerror="alert(1)">' },
      () => undefined,
    );
    expect(byId("message").querySelector("img")).toBeNull();
    expect(byId("message").textContent).toBe('<img src=x onerror="alert(1)">');
  });

  it("message.ts reads the address's query and asks Office to close the dialog", async () => {
    const messageParent = jest.fn();
    Object.assign(globalThis, {
      Office: { onReady: () => Promise.resolve({}), context: { ui: { messageParent } } },
    });
    try {
      await import("../../src/dialog/message");
      expect(document.documentElement.lang).toBe("en");
      expect([...byId("message").querySelectorAll("p")].map((p) => p.textContent)).toEqual([
        "1/3 clubs pass.",
        "See the sheets.",
      ]);
      byId("close").click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(messageParent).toHaveBeenCalledWith("close");
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});
