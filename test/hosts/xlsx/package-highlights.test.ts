import { JSDOM } from "jsdom";
import { openXlsx } from "../../../src/hosts/xlsx";
import { buildPackage, S_NS, R_NS, text, unzip } from "./fixtures";
import { highlight, plan, resultsSheet } from "./plans";

/**
 * Highlights go after the real </sheetData>, found by the tokenizer: a comment or a processing
 * instruction that holds "<sheetData/>", before or after the real one, receives nothing, and the
 * sheet stays well-formed XML with our rules on the cells asked for.
 */
const ROWS =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row>' +
  '<row r="17"><c r="D17" t="inlineStr"><is><t>x</t></is></c></row>';

const sheetWith = (before: string, after = ""): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${S_NS}" xmlns:r="${R_NS}">${before}<sheetData>${ROWS}</sheetData>${after}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

async function highlighted(doc: string): Promise<Document> {
  const wb = openXlsx(buildPackage({ sheets: [{ name: "Thành viên", doc }] }));
  await wb.apply(
    plan(
      [resultsSheet()],
      [highlight("Thành viên", "D17"), highlight("Thành viên", "A1", "warning")],
    ),
  );
  const xml = text(unzip(wb.toBytes()), "xl/worksheets/sheet1.xml");
  const parsed = new new JSDOM().window.DOMParser().parseFromString(xml, "application/xml");
  expect(parsed.getElementsByTagName("parsererror")).toHaveLength(0);
  return parsed;
}

/** The root's child elements, by local name, in order. */
const childNames = (doc: Document): string[] =>
  [...doc.documentElement.children].map((el) => el.localName);

describe("highlights placed by the tokenizer", () => {
  it.each([
    ["a comment before sheetData", "<!-- <sheetData/> -->", ""],
    ["a processing instruction before sheetData", "<?note <sheetData/>?>", ""],
    ["a comment after sheetData", "", "<!-- </sheetData> <sheetData/> -->"],
  ])("step over %s holding <sheetData/>", async (_what, before, after) => {
    const doc = await highlighted(sheetWith(before, after));
    expect(childNames(doc)).toEqual([
      "sheetData",
      "conditionalFormatting",
      "conditionalFormatting",
      "pageMargins",
    ]);
    const sqrefs = [...doc.getElementsByTagName("conditionalFormatting")].map((el) =>
      el.getAttribute("sqref"),
    );
    expect(sqrefs).toEqual(["D17", "A1"]);
    // The real sheet data is whole, and the comment or instruction is kept as it was.
    expect(doc.getElementsByTagName("row")).toHaveLength(2);
    const kept = [...doc.documentElement.childNodes].filter((n) => n.nodeType !== 1);
    expect(kept.map((n) => n.textContent).join("")).toContain("<sheetData/>");
  });
});
