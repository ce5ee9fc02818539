/**
 * The pane's layout measured in headless Chromium, not eyeballed: at Excel's task-pane widths
 * (320 and 350 px, the default range, and 500 px), in Vietnamese and English, in each state the
 * pane has (first screen; the results of a province-size check, scrolled through; the merge panel
 * open; a failed check), the layout is read from the page (getBoundingClientRect, scrollWidth
 * against clientWidth) and every element that breaks a rule below is listed with where it is, its
 * text and its widths, so that a failure says what overflows. Screenshots of every state × width ×
 * language go to artifacts/pane/ (ignored by git) for a person to look at.
 *
 * Classic scrollbars are shown (headless Chromium hides them by default): in Excel on Windows the
 * pane's vertical scrollbar takes its ~15 px from the 320.
 *
 * THE RULES (what `findOverflows` reports; 1 px of tolerance for sub-pixel rounding):
 * - page-scrolls-sideways: the document is wider than the viewport (html's scrollWidth >
 *   clientWidth). `culprit` names the deepest element reaching past the viewport's right edge.
 * - overflows-box: an element with a box of its own (not display: inline) whose content is wider
 *   than its padding box while its overflow is visible (scrollWidth > clientWidth): text or a
 *   child spills out of it. Only the innermost such element is reported (its ancestors overflow
 *   because of it); `culprit` names the descendant that reaches furthest past its right edge.
 * - clipped: the same with overflow hidden or clip and no ellipsis: text cut silently.
 * - clipped-vertically: overflow-y hidden or clip and content taller than the box (a line of text
 *   or its diacritics cut at the bottom).
 * - ellipsis-without-full-text: text cut on purpose (text-overflow: ellipsis) is allowed only when
 *   its full text is available: (a) a `title` on the element or an ancestor contains the whole
 *   text (whitespace collapsed), or (b) an `aria-label` on the element or an ancestor contains it,
 *   or (c) the element is inside an expandable control (`[aria-expanded]` or `<summary>`), whose
 *   detail is to give the full text. Otherwise it is reported.
 * - control-text-cut: a <select> whose selected option, or an empty text field whose placeholder,
 *   is wider than the control's content box (a native control cuts it without an ellipsis and
 *   with no way to read the rest). What a user types into a field may scroll inside it.
 * - scrolls-sideways: an element with overflow-x auto or scroll whose content is wider than it.
 *   Allowed only as a deliberate, reachable scroller: focusable (tabindex ≥ 0) and named
 *   (aria-label or aria-labelledby), like a wide table in a labelled region.
 * axe-core runs with its default rules (best practices included) on the whole document, less
 * Fluent UI's focus sentinels (Tabster's `<i data-tabster-dummy tabindex="0" aria-hidden>`, 1 px,
 * which hand the focus on at once): they are the library's focus management, not content, and axe
 * reports them as aria-hidden-focus. scrollable-region-focusable must have run (passed or had
 * nothing to look at) in every state, and have passed on the results, whose lists scroll.
 *
 * Not measured: what is not rendered (display: none, [hidden], visibility: hidden), what is
 * visually hidden for screen readers (clip-path, clip, or a clipped box of 1 px or less, and what
 * is inside it; content that is not seen widens scrollWidth too, so an overflow counts only when
 * something seen sticks out: the `culprit`) and the inside of an <svg> (the chart's bars are
 * measured as the svg's box).
 *
 * "Scrolled through": the lists draw a screenful at a time, so each scrollable region is scrolled
 * from top to bottom a screenful at a time and measured at each stop; what is reported is the
 * union of the stops.
 *
 * The pane is driven by roles and labels. Assumed of the redesign: the file picker button
 * "Mở tệp .xlsx" / "Open .xlsx file", the input labelled "Tệp .xlsx cần kiểm tra" /
 * "The .xlsx file to check", the date "Ngày báo cáo" / "Reference date", the button "Kiểm tra" /
 * "Check"; the check and the merge as tabs whose names start with "Kiểm tra" / "Check" and
 * "Gộp tệp" / "Merge"; the merge's own button "Gộp tệp" / "Merge files"; the summary's text under
 * data-testid="summary"; the clubs and the findings in regions named "Câu lạc bộ" / "Clubs" and
 * "Phát hiện" / "Findings" whose club rows and finding groups are buttons with aria-expanded; a
 * failed check titled "Không kiểm tra được tệp" / "The file could not be checked".
 *
 * No timings are asserted here (the machine is shared and noisy): see `npm run bench:pane`.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { Browser, Page } from "playwright-core";
import { writeSample } from "../../src/cli/sample";
import {
  ARTIFACTS,
  BUILD_TIMEOUT,
  Session,
  Site,
  baseUrl,
  closeServer,
  launch,
  offlineContext,
  runAxe,
  serve,
  site,
} from "./site";

const SHOTS = path.join(ARTIFACTS, "pane");
const AS_OF = "2025-12-31";
const WIDTHS = [320, 350, 500] as const;
/** The first screen's height in the visibility test; every state is laid out at this height. */
const HEIGHT = 500;
const SAMPLE = { clubs: 220, seed: 7, asOf: AS_OF };
const STEP_TIMEOUT = 300_000;

interface Labels {
  readonly lang: "vi" | "en";
  readonly openFile: string;
  readonly fileInput: string;
  readonly asOf: string;
  readonly check: string;
  readonly checkTab: RegExp;
  readonly mergeTab: RegExp;
  readonly mergeAction: string;
  readonly failed: string;
  readonly clubs: string;
  readonly findings: string;
}

const LOCALES: ReadonlyArray<readonly [string, Labels]> = [
  [
    "vi-VN",
    {
      lang: "vi",
      openFile: "Mở tệp .xlsx",
      fileInput: "Tệp .xlsx cần kiểm tra",
      asOf: "Ngày báo cáo",
      check: "Kiểm tra",
      checkTab: /^Kiểm tra/,
      mergeTab: /^Gộp tệp/,
      mergeAction: "Gộp tệp",
      failed: "Không kiểm tra được tệp",
      clubs: "Câu lạc bộ",
      findings: "Phát hiện",
    },
  ],
  [
    "en-US",
    {
      lang: "en",
      openFile: "Open .xlsx file",
      fileInput: "The .xlsx file to check",
      asOf: "Reference date",
      check: "Check",
      checkTab: /^Check/,
      mergeTab: /^Merge/,
      mergeAction: "Merge files",
      failed: "The file could not be checked",
      clubs: "Clubs",
      findings: "Findings",
    },
  ],
];

/** One element that breaks a rule: where it is, what it says and its widths in px. */
interface Offender {
  readonly kind: string;
  readonly path: string;
  readonly text: string;
  /** The content's width (scrollWidth, or a control's text width). */
  readonly contentWidth: number;
  /** The box's width it must fit (clientWidth, or a control's content box). */
  readonly boxWidth: number;
  /** The descendant that sticks out furthest, if another than the element. */
  readonly culprit?: string;
}

// ---------------------------------------------------------------------------------------------
// Measurements, evaluated in the page: each is self-contained (playwright sends its source).

/** Every element that breaks one of the rules in the header, innermost first. */
function findOverflows(): Offender[] {
  const TOL = 1;
  const clean = (s: string) => s.replace(/\s+/g, " ").trim();
  const pathOf = (el: Element): string => {
    const parts: string[] = [];
    let e: Element | null = el;
    for (let depth = 0; e && e !== document.documentElement && depth < 6; depth++) {
      let p = e.tagName.toLowerCase();
      if (e.id) p += `#${e.id}`;
      const role = e.getAttribute("role");
      if (role) p += `[role=${role}]`;
      for (const a of ["data-testid", "data-club", "data-group", "data-finding", "aria-label"]) {
        const v = e.getAttribute(a);
        if (v) {
          p += `[${a}="${v.slice(0, 40)}"]`;
          break;
        }
      }
      const fui = Array.from(e.classList).find((c) => c.startsWith("fui-"));
      if (fui) p += `.${fui}`;
      parts.unshift(p);
      e = e.parentElement;
    }
    return parts.join(" > ");
  };
  const textOf = (el: Element) => clean(el.textContent ?? "").slice(0, 100);
  let canvas: CanvasRenderingContext2D | null = null;
  const textWidth = (text: string, style: CSSStyleDeclaration) => {
    canvas ??= document.createElement("canvas").getContext("2d");
    if (!canvas) return 0;
    canvas.font = style.font || `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    return canvas.measureText(text).width;
  };
  const contentBox = (el: HTMLElement, style: CSSStyleDeclaration) =>
    el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  /** Not seen: clipped away for screen readers only (clip-path, clip, a box of 1 px or less). */
  const visuallyHidden = (style: CSSStyleDeclaration, rect: DOMRect) =>
    style.clipPath !== "none" ||
    (style.clip !== "auto" && style.clip !== "" && /absolute|fixed/.test(style.position)) ||
    ((rect.width <= 1 || rect.height <= 1) &&
      (style.overflow !== "visible" || /absolute|fixed/.test(style.position)));
  /**
   * What is seen sticking out past `right` (or left of `left`) furthest, the deepest on a tie: an
   * element or a run of text, in a subtree that is neither hidden nor clipped by a box inside it.
   */
  const culpritOf = (el: Element, left: number, right: number): string | undefined => {
    let best: string | undefined;
    let bestBy = TOL;
    const consider = (rect: DOMRect, what: () => string) => {
      if (rect.width === 0 && rect.height === 0) return;
      const by = Math.max(rect.right - right, left - rect.left);
      if (by > bestBy - 0.5 && by > TOL) {
        best = what();
        bestBy = Math.max(by, bestBy);
      }
    };
    const walk = (node: Element) => {
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === Node.TEXT_NODE) {
          if (clean(child.textContent ?? "") === "") continue;
          const range = document.createRange();
          range.selectNodeContents(child);
          consider(
            range.getBoundingClientRect(),
            () => `${pathOf(node)} text "${clean(child.textContent ?? "").slice(0, 60)}"`,
          );
        } else if (child instanceof HTMLElement || child instanceof SVGSVGElement) {
          if (child.getClientRects().length === 0) continue;
          const style = getComputedStyle(child);
          const rect = child.getBoundingClientRect();
          if (style.visibility === "hidden" || visuallyHidden(style, rect)) continue;
          consider(rect, () => `${pathOf(child)} "${textOf(child).slice(0, 60)}"`);
          // What a box clips cannot stick out of it; an svg's inside is its box.
          if (style.overflowX === "visible" && child instanceof HTMLElement) walk(child);
        }
      }
    };
    walk(el);
    return best;
  };
  const fullTextAvailable = (el: HTMLElement): boolean => {
    const full = clean(el.textContent ?? "");
    if (el.closest("[aria-expanded], summary")) return true;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const title = e.getAttribute("title");
      if (title !== null && clean(title).includes(full)) return true;
      const label = e.getAttribute("aria-label");
      if (label !== null && clean(label).includes(full)) return true;
    }
    return false;
  };

  const found: Array<Offender & { el: Element }> = [];
  const visit = (el: Element) => {
    if (!(el instanceof HTMLElement)) return; // svg and its children: the svg's box counts
    if (el.getClientRects().length === 0) return; // display: none, [hidden]
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    // Visually hidden for screen readers: not seen, not measured.
    if (visuallyHidden(style, rect)) return;
    if (
      style.visibility !== "hidden" &&
      style.display !== "inline" &&
      style.display !== "contents"
    ) {
      const tag = el.tagName.toLowerCase();
      const add = (kind: string, contentWidth: number, boxWidth: number, culprit?: string) =>
        found.push({
          el,
          kind,
          path: pathOf(el),
          text:
            tag === "select"
              ? clean((el as HTMLSelectElement).selectedOptions[0]?.text ?? "")
              : tag === "input" || tag === "textarea"
                ? clean((el as HTMLInputElement).placeholder)
                : textOf(el),
          contentWidth: Math.round(contentWidth),
          boxWidth: Math.round(boxWidth),
          ...(culprit ? { culprit } : {}),
        });
      if (tag === "select") {
        const option = (el as HTMLSelectElement).selectedOptions[0];
        const box = contentBox(el, style);
        const width = option ? textWidth(option.text, style) : 0;
        if (width > box + TOL) add("control-text-cut", width, box);
        return;
      }
      if (tag === "input" || tag === "textarea") {
        const input = el as HTMLInputElement;
        const typed = ["", "text", "search", "email", "number", "tel", "url"];
        if (typed.includes(input.getAttribute("type") ?? "") && input.value === "") {
          const box = contentBox(el, style);
          const width = textWidth(input.placeholder, style);
          if (input.placeholder !== "" && width > box + TOL) add("control-text-cut", width, box);
        }
        return;
      }
      const sw = el.scrollWidth;
      const cw = el.clientWidth;
      if (cw > 0 && sw > cw + TOL && el !== document.documentElement && el !== document.body) {
        const ox = style.overflowX;
        const border = parseFloat(style.borderLeftWidth);
        const left = rect.left + border;
        const right = left + cw;
        // Content that is not seen (visually hidden) widens scrollWidth too: only what is seen
        // sticking out counts, and it is named.
        const culprit = culpritOf(el, left, right);
        if (style.textOverflow === "ellipsis" && (ox === "hidden" || ox === "clip")) {
          if (!fullTextAvailable(el)) add("ellipsis-without-full-text", sw, cw);
        } else if (culprit === undefined) {
          // Nothing seen sticks out.
        } else if (ox === "auto" || ox === "scroll") {
          const focusable = el.tabIndex >= 0 && el.hasAttribute("tabindex");
          const named = el.hasAttribute("aria-label") || el.hasAttribute("aria-labelledby");
          if (!(focusable && named)) add("scrolls-sideways", sw, cw, culprit);
        } else if (ox === "hidden" || ox === "clip") {
          add("clipped", sw, cw, culprit);
        } else {
          add("overflows-box", sw, cw, culprit);
        }
      }
      const oy = style.overflowY;
      if (
        (oy === "hidden" || oy === "clip") &&
        el.clientHeight > 1 &&
        el.scrollHeight > el.clientHeight + TOL &&
        textOf(el) !== ""
      ) {
        add("clipped-vertically", el.scrollHeight, el.clientHeight);
      }
    }
    for (const child of Array.from(el.children)) visit(child);
  };
  visit(document.body);

  // The innermost only: an ancestor of an offender overflows because of it.
  const innermost = found.filter(
    (o) => !found.some((other) => other !== o && o.el !== other.el && o.el.contains(other.el)),
  );
  const result: Offender[] = innermost.map(({ el: _el, ...o }) => o);
  const html = document.documentElement;
  if (html.scrollWidth > html.clientWidth + TOL) {
    const culprit = culpritOf(document.body, 0, html.clientWidth);
    result.unshift({
      kind: "page-scrolls-sideways",
      path: "html",
      text: "",
      contentWidth: html.scrollWidth,
      boxWidth: html.clientWidth,
      ...(culprit ? { culprit } : {}),
    });
  }
  return result;
}

/**
 * `findOverflows` at every stop of a scroll through each scrollable region (a screenful at a time,
 * waiting for the list to draw its rows), the page itself last; offenders are listed once.
 */
async function findOverflowsScrolled(measure: string): Promise<Offender[]> {
  const run = new Function(`return (${measure})();`) as () => Offender[];
  const frame = () =>
    new Promise<void>((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 20))),
    );
  const seen = new Map<string, Offender>();
  const collect = () => {
    for (const o of run()) seen.set(`${o.kind} ${o.path} ${o.text}`, o);
  };
  collect();
  const regions = Array.from(document.querySelectorAll<HTMLElement>("body *")).filter((el) => {
    const oy = getComputedStyle(el).overflowY;
    return (oy === "auto" || oy === "scroll") && el.scrollHeight > el.clientHeight + 1;
  });
  for (const region of regions) {
    // Until the bottom, or until a scroll no longer moves (the region went or stopped growing).
    for (let top = 0, last = -1; region.isConnected && region.scrollTop > last;) {
      last = region.scrollTop;
      top += Math.max(40, region.clientHeight * 0.9);
      if (last + region.clientHeight >= region.scrollHeight - 1) break;
      region.scrollTop = top;
      region.dispatchEvent(new Event("scroll"));
      await frame();
      collect();
    }
    region.scrollTop = 0;
    region.dispatchEvent(new Event("scroll"));
  }
  const page = document.scrollingElement ?? document.documentElement;
  for (let top = 0, last = -1; page.scrollTop > last;) {
    last = page.scrollTop;
    top += Math.max(40, window.innerHeight * 0.9);
    if (last + window.innerHeight >= page.scrollHeight - 1) break;
    window.scrollTo(0, top);
    await frame();
    collect();
  }
  window.scrollTo(0, 0);
  await frame();
  return [...seen.values()];
}

/** Where the element is outside the viewport or covered, the reason; else null. */
function notFullyVisible(el: Element): string | null {
  const r = el.getBoundingClientRect();
  const { innerWidth: w, innerHeight: h, scrollX, scrollY } = window;
  if (scrollX !== 0 || scrollY !== 0) return `the page is scrolled to ${scrollX},${scrollY}`;
  if (r.width === 0 || r.height === 0) return "it has no size";
  const html = document.documentElement;
  if (r.top < 0 || r.left < 0 || r.bottom > h || r.right > Math.min(w, html.clientWidth)) {
    return (
      `its box (${Math.round(r.left)},${Math.round(r.top)})–` +
      `(${Math.round(r.right)},${Math.round(r.bottom)}) is not inside the viewport ` +
      `${html.clientWidth}×${h}`
    );
  }
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  if (!hit || !(hit === el || el.contains(hit) || hit.contains(el))) {
    return `it is covered at its centre by ${hit ? hit.tagName.toLowerCase() : "nothing"}`;
  }
  return null;
}

/** Whether the keyboard's focus is on the results' summary or inside it, and where it is. */
function focusOnSummary(): { ok: boolean; active: string } {
  const active = document.activeElement;
  const summary = document.querySelector('[data-testid="summary"]');
  const where = active
    ? `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ""}` +
      `${active.getAttribute("aria-labelledby") ? `[aria-labelledby=${active.getAttribute("aria-labelledby")}]` : ""}` +
      ` "${(active.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60)}"`
    : "none";
  if (!active || !summary || active === document.body) return { ok: false, active: where };
  // The summary: its text's element, or the section it heads (aria-labelledby its id).
  const section = summary.id
    ? active.closest(`[aria-labelledby~="${summary.id}"]`)
    : active.closest('[data-testid="summary-section"]');
  const ok =
    active === summary || active.contains(summary) || summary.contains(active) || !!section;
  return { ok, active: where };
}

// ---------------------------------------------------------------------------------------------

let work: string;
let built: Site;
let server: Server;
let base: string;
let browser: Browser;
let samplePath: string;
const junk = Buffer.from("this is not a zip file");

beforeAll(async () => {
  browser = await launch({ scrollbars: true });
  work = mkdtempSync(path.join(os.tmpdir(), "ishc-pane-"));
  samplePath = path.join(work, "province.xlsx");
  await writeSample(samplePath, SAMPLE);
  built = await site();
  server = await serve(built.dir);
  base = baseUrl(server);
  mkdirSync(SHOTS, { recursive: true });
}, BUILD_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await closeServer(server);
  built?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function openPane(locale: string): Promise<Session> {
  const session = await offlineContext(browser, {
    locale,
    viewport: { width: WIDTHS[0], height: HEIGHT },
    acceptDownloads: true,
  });
  await session.page.goto(`${base}taskpane.html`);
  return session;
}

const settle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))),
      ),
  );

async function resize(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: HEIGHT });
  await settle(page);
}

const measureScrolled = (page: Page) =>
  page.evaluate(findOverflowsScrolled, findOverflows.toString());

/** At each width: the offenders (scrolled through) and a full-page screenshot. */
async function atEachWidth(
  page: Page,
  state: string,
  lang: string,
): Promise<Record<number, Offender[]>> {
  const byWidth: Record<number, Offender[]> = {};
  for (const width of WIDTHS) {
    await resize(page, width);
    byWidth[width] = await measureScrolled(page);
    await page.screenshot({
      path: path.join(SHOTS, `${state}-${width}-${lang}.png`),
      fullPage: true,
    });
  }
  await resize(page, WIDTHS[0]);
  return byWidth;
}

const noneAtAnyWidth = Object.fromEntries(WIDTHS.map((w) => [w, []]));

async function axeAtEachWidth(page: Page): Promise<Record<number, string[]>> {
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  }
  const byWidth: Record<number, string[]> = {};
  for (const width of WIDTHS) {
    await resize(page, width);
    const result = await page.evaluate(runAxe);
    // The rule must have run: passed, or had nothing to look at; never left out.
    expect([...result.passed, ...result.inapplicable]).toContain("scrollable-region-focusable");
    byWidth[width] = result.violations;
  }
  await resize(page, WIDTHS[0]);
  return byWidth;
}

describe("the measurements catch what they look for (self-test, in Chromium)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await offlineContext(browser, { viewport: { width: 320, height: HEIGHT } });
    await session.page.setContent(
      `<!doctype html><html lang="en"><head><title>fixture</title></head><body style="margin:0">` +
        `<main><p>Fits.</p></main></body></html>`,
    );
  });
  afterAll(() => session?.context.close());

  const plant = (html: string) =>
    session.page.evaluate((markup) => {
      const holder = document.createElement("div");
      holder.id = "planted";
      holder.innerHTML = markup;
      document.querySelector("main")!.append(holder);
    }, html);
  const unplant = () => session.page.evaluate(() => document.getElementById("planted")?.remove());
  afterEach(() => unplant());

  test("a clean page has no offenders", async () => {
    await plant(
      `<div style="width:100px;overflow-wrap:anywhere">Kiểm_tra_một_từ_rất_dài_không_có_dấu_cách</div>` +
        `<div style="width:100px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis" ` +
        `title="Câu lạc bộ liên thế hệ tự giúp nhau">Câu lạc bộ liên thế hệ tự giúp nhau</div>` +
        `<div style="width:100px;overflow-x:auto" tabindex="0" aria-label="wide table">` +
        `<table><tr><td style="white-space:nowrap">a wide table that scrolls on purpose</td></tr></table></div>` +
        `<select style="width:200px" aria-label="ok"><option>Short</option></select>` +
        // A table for screen readers only, hidden as the pane hides the chart's (in a box of its
        // own: a table is never narrower than its caption): not seen, whatever the font.
        `<div style="width:100px"><div style="position:absolute;width:1px;height:1px;` +
        `overflow:hidden;clip-path:inset(50%);white-space:nowrap"><table><caption>Kế hoạch và ` +
        `thực hiện lũy kế đến năm 2025 trong toàn tỉnh Hà Tĩnh</caption><tr><td>1</td></tr>` +
        `</table></div></div>`,
    );
    await expect(session.page.evaluate(findOverflows)).resolves.toEqual([]);
  });

  test("a table hidden by itself widens the page: why the pane hides its table in a box", async () => {
    await plant(
      `<div style="width:100px"><table style="position:absolute;width:1px;height:1px;` +
        `overflow:hidden;clip-path:inset(50%);white-space:nowrap"><caption>Kế hoạch và thực ` +
        `hiện lũy kế đến năm 2025 trong toàn tỉnh Hà Tĩnh</caption><tr><td>1</td></tr></table></div>`,
    );
    const kinds = (await session.page.evaluate(findOverflows)).map((o) => o.kind);
    expect(kinds).toContain("page-scrolls-sideways");
  });

  test("each kind of overflow is reported, innermost, with its path, text and widths", async () => {
    await plant(
      `<div id="box" style="width:100px"><span style="white-space:nowrap">Tỷ lệ người cao tuổi tối thiểu</span></div>` +
        `<div id="cut" style="width:100px;overflow:hidden;white-space:nowrap">Số thành viên tối thiểu của CLB</div>` +
        `<div id="dots" style="width:100px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis">Tải tệp đã kiểm tra về máy</div>` +
        `<div id="scroller" style="width:100px;overflow-x:auto"><div style="width:300px">wide</div></div>` +
        `<select id="pick" style="width:60px;padding:0"><option>Nhóm theo: Tiêu chí</option></select>` +
        `<input id="find" style="width:60px;padding:0" placeholder="Tìm CLB theo mã, tên, đơn vị">` +
        `<div id="low" style="height:8px;overflow:hidden;line-height:30px">Người trẻ tuổi</div>` +
        `<div id="wide" style="width:600px">Một khối rộng hơn cả bảng</div>`,
    );
    const found = await session.page.evaluate(findOverflows);
    const byId = (kind: string) =>
      found
        .filter((o) => o.kind === kind)
        .map((o) => /#(\w+)/.exec(o.path.split(" > ").pop() ?? "")?.[1] ?? o.path);
    expect(byId("page-scrolls-sideways")).toEqual(["html"]);
    expect(found[0]).toMatchObject({ boxWidth: 320, culprit: expect.stringContaining("#wide") });
    expect(byId("overflows-box")).toEqual(["box"]);
    expect(found.find((o) => o.kind === "overflows-box")).toMatchObject({
      text: "Tỷ lệ người cao tuổi tối thiểu",
      boxWidth: 100,
      culprit: expect.stringContaining("span"),
    });
    expect(found.find((o) => o.kind === "overflows-box")!.contentWidth).toBeGreaterThan(100);
    expect(byId("clipped")).toEqual(["cut"]);
    expect(byId("ellipsis-without-full-text")).toEqual(["dots"]);
    expect(byId("scrolls-sideways")).toEqual(["scroller"]);
    expect(byId("control-text-cut").sort()).toEqual(["find", "pick"]);
    expect(byId("clipped-vertically")).toEqual(["low"]);
    // The wide block's own ancestors (main, #planted) are not reported: it is the innermost.
    expect(found.some((o) => /^main( > div#planted)?$/.test(o.path))).toBe(false);
  });

  test("the scroll-through finds what only shows further down a list that draws as it scrolls", async () => {
    await plant(
      `<div id="list" style="height:100px;overflow-y:auto" tabindex="0" aria-label="l"></div>`,
    );
    // A list that draws its row 40 only once scrolled near it, as the pane's lists do.
    await session.page.evaluate(() => {
      const list = document.getElementById("list")!;
      const tall = document.createElement("div");
      tall.style.height = "2000px";
      tall.style.position = "relative";
      list.append(tall);
      const draw = () => {
        tall.innerHTML = "";
        const first = Math.floor(list.scrollTop / 50);
        for (let i = first; i < first + 3; i++) {
          const row = document.createElement("div");
          row.style.cssText = `position:absolute;top:${i * 50}px;width:100px;white-space:nowrap`;
          row.id = `row${i}`;
          row.textContent = i === 30 ? "Một dòng rất dài ở dưới cùng của danh sách" : `row ${i}`;
          tall.append(row);
        }
      };
      list.addEventListener("scroll", draw);
      draw();
    });
    await expect(session.page.evaluate(findOverflows)).resolves.toEqual([]);
    const scrolled = await session.page.evaluate(findOverflowsScrolled, findOverflows.toString());
    expect(scrolled.map((o) => o.path)).toEqual([expect.stringContaining("#row30")]);
  });

  test("a main action below the first screen or covered is not visible", async () => {
    await plant(
      `<button id="low" style="margin-top:600px">Kiểm tra</button>` +
        `<button id="under" style="position:absolute;top:10px;left:10px">Mở tệp</button>` +
        `<div style="position:absolute;top:0;left:0;width:200px;height:60px;background:white"></div>` +
        `<button id="fine" style="position:absolute;top:100px;left:10px">OK</button>`,
    );
    const page = session.page;
    await expect(page.locator("#low").evaluate(notFullyVisible)).resolves.toMatch(/not inside/);
    await expect(page.locator("#under").evaluate(notFullyVisible)).resolves.toMatch(/covered/);
    await expect(page.locator("#fine").evaluate(notFullyVisible)).resolves.toBeNull();
  });

  test("focus elsewhere than the summary is caught", async () => {
    await plant(
      `<section aria-labelledby="s" tabindex="-1" id="sec"><h2 id="s" data-testid="summary">3/4 CLB đạt</h2>` +
        `<button id="dl">Tải</button></section><button id="away">Khác</button>`,
    );
    const page = session.page;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect(page.evaluate(focusOnSummary)).resolves.toMatchObject({ ok: false });
    await page.focus("#away");
    await expect(page.evaluate(focusOnSummary)).resolves.toMatchObject({ ok: false });
    await page.focus("#sec");
    await expect(page.evaluate(focusOnSummary)).resolves.toMatchObject({ ok: true });
    await page.focus("#dl");
    await expect(page.evaluate(focusOnSummary)).resolves.toMatchObject({ ok: true });
  });

  test("axe runs scrollable-region-focusable and reports a region the keyboard cannot reach", async () => {
    await plant(
      `<div id="stuck" style="height:40px;overflow-y:auto">${"<p>Một đoạn văn.</p>".repeat(6)}</div>`,
    );
    await session.page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
    const result = await session.page.evaluate(runAxe);
    expect(result.violations).toEqual(
      expect.arrayContaining([expect.stringMatching(/^scrollable-region-focusable: .*#stuck/)]),
    );
  });
});

describe.each(LOCALES)("the pane in %s", (locale, L) => {
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    session = await openPane(locale);
    page = session.page;
    await page.getByRole("button", { name: L.openFile }).waitFor({ timeout: 60_000 });
  }, STEP_TIMEOUT);
  afterAll(() => session?.context.close());

  test(
    `the first screen: the file picker and "${L.check}" in sight at ${WIDTHS[0]}×${HEIGHT}`,
    async () => {
      await resize(page, WIDTHS[0]);
      const openFile = page.getByRole("button", { name: L.openFile });
      const check = page.getByRole("button", { name: L.check, exact: true });
      expect({
        [L.openFile]: await openFile.evaluate(notFullyVisible),
        [L.check]: await check.evaluate(notFullyVisible),
      }).toEqual({ [L.openFile]: null, [L.check]: null });
    },
    STEP_TIMEOUT,
  );

  test(
    "the first screen: nothing overflows at any width",
    async () => {
      expect(await atEachWidth(page, "first-screen", L.lang)).toEqual(noneAtAnyWidth);
    },
    STEP_TIMEOUT,
  );

  test(
    "the first screen: axe-clean at every width",
    async () => {
      expect(await axeAtEachWidth(page)).toEqual(noneAtAnyWidth);
    },
    STEP_TIMEOUT,
  );

  test(
    "a province's check: the results' summary has the keyboard's focus",
    async () => {
      await page.getByLabel(L.fileInput).setInputFiles(samplePath);
      await page.getByLabel(L.asOf).fill(AS_OF);
      await page.getByRole("button", { name: L.check, exact: true }).click();
      await page.getByTestId("summary").waitFor({ timeout: 120_000 });
      await settle(page);
      expect(await page.evaluate(focusOnSummary)).toMatchObject({ ok: true });
    },
    STEP_TIMEOUT,
  );

  test(
    "the results, one club and one finding group open: nothing overflows, scrolled through",
    async () => {
      await page.getByTestId("summary").waitFor();
      const clubs = page.getByRole("region", { name: L.clubs, exact: true });
      await clubs.getByRole("button", { expanded: false }).first().click();
      await expect(clubs.getByRole("button", { expanded: true }).count()).resolves.toBe(1);
      const findings = page.getByRole("region", { name: L.findings, exact: true });
      if ((await findings.getByRole("button", { expanded: true }).count()) === 0) {
        await findings.getByRole("button", { expanded: false }).first().click();
      }
      await expect(
        findings.getByRole("button", { expanded: true }).count(),
      ).resolves.toBeGreaterThan(0);
      expect(await atEachWidth(page, "results", L.lang)).toEqual(noneAtAnyWidth);
    },
    STEP_TIMEOUT,
  );

  test(
    "the results: axe-clean at every width, scrollable regions included",
    async () => {
      await page.getByTestId("summary").waitFor();
      const byWidth = await axeAtEachWidth(page);
      // The lists scroll inside the results: the rule must have had them to look at.
      const result = await page.evaluate(runAxe);
      expect(result.passed).toContain("scrollable-region-focusable");
      expect(byWidth).toEqual(noneAtAnyWidth);
    },
    STEP_TIMEOUT,
  );

  test(
    "the merge panel open: nothing overflows and axe-clean at every width",
    async () => {
      await page.getByRole("tab", { name: L.mergeTab }).click();
      await page.getByRole("button", { name: L.mergeAction, exact: true }).waitFor();
      const overflows = await atEachWidth(page, "merge", L.lang);
      const axe = await axeAtEachWidth(page);
      expect({ overflows, axe }).toEqual({ overflows: noneAtAnyWidth, axe: noneAtAnyWidth });
    },
    STEP_TIMEOUT,
  );

  test(
    "the merge panel open: the check's form and results are not shown under it",
    async () => {
      await page.getByRole("tab", { name: L.mergeTab }).click();
      await page.getByRole("button", { name: L.mergeAction, exact: true }).waitFor();
      expect({
        [L.check]: await page.getByRole("button", { name: L.check, exact: true }).isVisible(),
        [L.openFile]: await page.getByRole("button", { name: L.openFile }).isVisible(),
        summary: await page.getByTestId("summary").isVisible(),
      }).toEqual({ [L.check]: false, [L.openFile]: false, summary: false });
    },
    STEP_TIMEOUT,
  );

  test(
    "a failed check (not an .xlsx): nothing overflows at any width",
    async () => {
      await page.getByRole("tab", { name: L.checkTab }).click();
      await page
        .getByLabel(L.fileInput)
        .setInputFiles({ name: "junk.xlsx", mimeType: "application/octet-stream", buffer: junk });
      await page.getByRole("button", { name: L.check, exact: true }).click();
      await page.getByText(L.failed).waitFor({ timeout: 60_000 });
      expect(await atEachWidth(page, "failed", L.lang)).toEqual(noneAtAnyWidth);
    },
    STEP_TIMEOUT,
  );
});
