/** The dialog's address: what the ribbon command writes into it and what the page reads back. */
import {
  dialogUrl,
  MAX_TEXT,
  MAX_URL,
  parseMessage,
  PAGE_TEXT,
} from "../../src/dialog/message-url";

const queryOf = (url: string) => new URL(url).search;
const text = (vi: string, en = "English") => ({ vi, en });
const DONE = { lang: "vi" as const, kind: "done" as const };

describe("dialogUrl", () => {
  it("points at message.html beside the page, without the page's query or hash", () => {
    expect(
      dialogUrl("https://localhost:3000/commands.html", { ...DONE, text: text("Xong.") }),
    ).toBe("https://localhost:3000/message.html?lang=vi&kind=done&line=Xong.");
    expect(
      dialogUrl(
        "https://ishc.example.org/addin/commands.html?_host_Info=Excel$Win32$16.01$vi-VN#x/y",
        { ...DONE, text: text("Xong.") },
      ),
    ).toBe("https://ishc.example.org/addin/message.html?lang=vi&kind=done&line=Xong.");
  });

  it("carries the text in the chosen language, every character intact, a parameter per line", () => {
    const tricky = "1/3 CLB đạt; 14 lỗi & 50% #2 a+b=c?\nXem các trang: Kết quả CLB, Phụ lục. 👍";
    for (const lang of ["vi", "en"] as const) {
      const url = dialogUrl("https://h/commands.html", {
        lang,
        kind: "failed",
        text: { vi: tricky, en: `EN ${tricky}` },
      });
      // No encoded line break: Excel on the web has refused one in a dialog's address.
      expect(url).not.toMatch(/%0A/i);
      expect(url).not.toContain("#");
      expect(parseMessage(queryOf(url))).toEqual({
        lang,
        kind: "failed",
        text: lang === "vi" ? tricky : `EN ${tricky}`,
      });
    }
  });

  it("still reads the message when Office appends its own parameter", () => {
    const url = dialogUrl("https://h/commands.html", { ...DONE, text: text("Một\nHai") });
    const opened = `${url}&_host_Info=Excel$Win32$16.01$vi-VN$$$$0|isDialog`;
    expect(parseMessage(queryOf(opened))).toEqual({ ...DONE, text: "Một\nHai" });
  });

  it("cuts a long message to fit the address, between characters, with an ellipsis", () => {
    const long = "Không kiểm tra được: ".repeat(200);
    const url = dialogUrl("https://ishc.example.org/addin/commands.html", {
      lang: "vi",
      kind: "failed",
      text: text(`Dòng đầu.\n${long}\nDòng cuối.`),
    });
    expect(url.length).toBeLessThanOrEqual(MAX_URL);
    expect(url.length).toBeGreaterThan(MAX_URL - 20);
    const [first, second, ...rest] = parseMessage(queryOf(url)).text.split("\n");
    expect(first).toBe("Dòng đầu.");
    expect(second!.endsWith("…")).toBe(true);
    expect(long.startsWith(second!.slice(0, -1))).toBe(true);
    expect(rest).toEqual([]);
  });

  it("keeps a line that ends with an ellipsis of its own, and the lines after it", () => {
    const url = dialogUrl("https://h/c.html", { ...DONE, text: text("Đang chờ…\nXong.") });
    expect(parseMessage(queryOf(url)).text).toBe("Đang chờ…\nXong.");
  });

  it("replaces a lone surrogate, which encodeURIComponent refuses", () => {
    const url = dialogUrl("https://h/c.html", {
      lang: "en",
      kind: "done",
      text: text("", "a\uD800b"),
    });
    expect(parseMessage(queryOf(url)).text).toBe("a\uFFFDb");
  });
});

describe("parseMessage", () => {
  it("defaults what is missing or unknown: Vietnamese, a failure, a placeholder text", () => {
    expect(parseMessage("")).toEqual({ lang: "vi", kind: "failed", text: PAGE_TEXT.vi.empty });
    expect(parseMessage("?lang=fr&kind=odd&line=%20&stray")).toEqual({
      lang: "vi",
      kind: "failed",
      text: PAGE_TEXT.vi.empty,
    });
    expect(parseMessage("?lang=en").text).toBe(PAGE_TEXT.en.empty);
  });

  it("shows a badly encoded text as written and bounds its length", () => {
    expect(parseMessage("?lang=en&kind=done&line=100%").text).toBe("100%");
    expect(parseMessage(`?line=${"a".repeat(MAX_TEXT * 2)}`).text).toHaveLength(MAX_TEXT);
  });
});
