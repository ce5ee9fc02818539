import { strFromU8, strToU8 } from "fflate";
import { SharedStringsParser } from "../../../src/hosts/xlsx/shared-strings";
import { SheetParser } from "../../../src/hosts/xlsx/sheet-reader";
import { ChunkParser } from "../../../src/hosts/xlsx/stream";
import { editTail, sheetDataEnd } from "../../../src/hosts/xlsx/highlights";
import { StylesEditor } from "../../../src/hosts/xlsx/styles";
import {
  attributes,
  childElements,
  children,
  descendants,
  endTagAfter,
  rootElement,
  textOf,
} from "../../../src/hosts/xlsx/xml";
import {
  CDATA,
  CLOSE,
  COMMENT,
  DOCTYPE,
  NEED_MORE,
  OPEN,
  PI,
  TAG_END,
  TagCursor,
} from "../../../src/hosts/xlsx/xml-tokens";
import { openXlsx } from "../../../src/hosts/xlsx";
import { all, appendix, applied, userBook } from "./extras";
import { MINIMAL_STYLES, buildPackage, text, unzip, worksheet, zip } from "./fixtures";
import { highlight, plan, resultsSheet } from "./plans";
import { rowArray } from "../../../src/core/model/cells";

/**
 * One tokenizer (xml-tokens.ts) finds the tags of every part, as bytes or as strings. Markup inside
 * a comment, a CDATA section or a processing instruction is text, never a tag: each place that once
 * had its own scanning loop is checked with the very tag it looks for hidden in one.
 */
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const fail = (): Error => new Error("malformed");

/** Feeds a part cut at `cut` (and whole): both must give the same. */
function parse<P extends ChunkParser>(make: () => P, part: Uint8Array, cut: number): P {
  const parser = make();
  const used = parser.feed(part.subarray(0, cut), false);
  parser.feed(part.subarray(used), true);
  return parser;
}

function everyCut<P extends ChunkParser, T>(make: () => P, part: string, result: (p: P) => T): T {
  const b = bytes(part);
  const whole = result(parse(make, b, b.length));
  for (let cut = 0; cut <= b.length; cut++) expect(result(parse(make, b, cut))).toEqual(whole);
  return whole;
}

const rowsOf = (sheetData: string, sst: string[] = []): unknown =>
  everyCut(
    () => new SheetParser("S", "sheet", 100, sst),
    worksheet(sheetData),
    (p) => rowArray(p.rows),
  );

const stringsOf = (items: string): string[] =>
  everyCut(
    () => new SharedStringsParser("sst"),
    `<?xml version="1.0"?><sst xmlns="m">${items}</sst>`,
    (p) => p.strings,
  );

describe("the tokenizer", () => {
  it("tells tags from comments, CDATA sections, PIs and a DOCTYPE, and reads names and attributes", () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE x><!-- <a> --><x:a k = \'1\' r="2"><![CDATA[<b/>]]><b/></x:a>';
    const b = bytes(xml);
    const tag = new TagCursor(fail);
    const seen: string[] = [];
    for (let p = 0; ;) {
      const r = tag.token(b, p, b.length);
      if (r === NEED_MORE) break;
      const kind = ["open", "close", "comment", "cdata", "pi", "doctype"][tag.kind]!;
      if (tag.kind > CLOSE) {
        seen.push(`${kind} ${xml.slice(tag.lt, r)}`);
        p = r;
        continue;
      }
      const attrs: string[] = [];
      for (p = r; ;) {
        p = tag.next(b, p, b.length);
        if (p === TAG_END) break;
        attrs.push(
          `${xml.slice(tag.attrStart, tag.attrEnd)}=${xml.slice(tag.valueStart, tag.valueEnd)}`,
        );
      }
      p = tag.end;
      const name = xml.slice(tag.nameStart, tag.nameEnd);
      seen.push(`${kind} ${name}${tag.selfClosing ? "/" : ""} ${attrs.join(" ")}`.trim());
    }
    expect(seen).toEqual([
      'pi <?xml version="1.0"?>',
      "doctype <!DOCTYPE x>",
      "comment <!-- <a> -->",
      "open x:a k=1 r=2",
      "cdata <![CDATA[<b/>]]>",
      "open b/",
      "close x:a",
    ]);
    expect([OPEN, CLOSE, COMMENT, CDATA, PI, DOCTYPE]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("finds the next tag past any comment, and asks for more when the input stops inside one", () => {
    const b = bytes("<!-- <c> --><?p <c>?><c/>");
    const tag = new TagCursor(fail);
    expect(tag.find(b, 0, b.length)).toBe(b.length - 2);
    expect(tag.kind).toBe(OPEN);
    expect(tag.find(b.subarray(0, 8), 0, 8)).toBe(NEED_MORE);
    expect(tag.lt).toBe(0);
    expect(tag.find(bytes("text only"), 0, 9)).toBe(NEED_MORE);
    expect(tag.lt).toBe(-1);
  });

  it("gives the character data of a run, comments left out and CDATA as written", () => {
    const xml = "a&amp;<!-- x -->b<![CDATA[<&amp;>]]><?p?>c</t>";
    const b = bytes(xml);
    const tag = new TagCursor(fail);
    expect(tag.textRun(b, 0, b.length)).toBe(xml.indexOf("</t>"));
    expect(tag.plain).toBe(false);
    const pieces: string[] = [];
    tag.charData(b, 0, xml.indexOf("</t>"), (s, e, cdata) =>
      pieces.push(`${cdata ? "cdata " : ""}${xml.slice(s, e)}`),
    );
    expect(pieces).toEqual(["a&amp;", "b", "cdata <&amp;>", "c"]);
  });

  it("reads a string's tags at the string's own indexes, whatever its characters", () => {
    const xml = '<r a="Đ<>"><!-- <x/> --><x:c>Ẽ</x:c><d b="ư"/></r>';
    const root = rootElement(xml);
    expect(attributes(xml, root)).toEqual(new Map([["a", "Đ<>"]]));
    const kids = children(xml, root);
    expect(kids.map((k) => xml.slice(k.start, k.end))).toEqual(["<x:c>Ẽ</x:c>", '<d b="ư"/>']);
    expect(kids.map((k) => k.local)).toEqual(["c", "d"]);
    expect(textOf(xml, kids[0]!)).toBe("Ẽ");
  });
});

describe("markup in comments, CDATA and PIs is not a tag", () => {
  it("SheetParser: a sheetData before the real one", () => {
    expect(
      everyCut(
        () => new SheetParser("S", "sheet", 100, []),
        '<worksheet><!-- <sheetData/> --><?pi <sheetData/>?><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>',
        (p) => rowArray(p.rows),
      ),
    ).toEqual([[1]]);
  });

  it("SheetParser: the end of a row, the end of a cell, a value", () => {
    expect(
      rowsOf(
        '<row r="1"><!-- </row><row r="5"> --><c r="A1"><v>1</v></c><?p </row>?><c r="B1"><!-- </c><v>9</v> --><v>2</v></c>' +
          '<c r="C1"><v>1<!-- </v>9 -->2</v></c><c r="D1" t="str"><v><![CDATA[<a> & </v>]]></v></c>' +
          '<c r="E1" t="inlineStr"><is><t>x<!-- </t> -->y</t></is></c></row>',
      ),
    ).toEqual([[1, 2, 12, "<a> & </v>", "xy"]]);
  });

  it("SheetParser: an element skipped whole, children and all", () => {
    expect(
      rowsOf(
        '<row r="1"><extLst><!-- </extLst> --><c r="A1"><v>7</v></c></extLst><c r="B1"><v>8</v></c></row>',
      ),
    ).toEqual([[undefined, 8]]);
  });

  it("SharedStringsParser: an item, the end of an item, a text run, a phonetic guide", () => {
    expect(
      stringsOf(
        "<!-- <si><t>fake</t></si> --><si><t>a</t></si><si><!-- </si> --><t>b</t></si>" +
          "<si><t>c<!-- </t> -->d</t></si><si><t><![CDATA[<e> &amp; ]]]]><![CDATA[>]]></t></si>" +
          "<si><t>f</t><rPh><!-- </rPh> --><t>reading</t></rPh><t>g</t></si>",
      ),
    ).toEqual(["a", "b", "cd", "<e> &amp; ]]>", "fg"]);
  });

  it("sheetDataEnd: the end of sheetData, looked for from the end of the part", () => {
    const cases = [
      "<!-- <sheetData/> -->",
      "<!-- </sheetData> -->",
      "<headerFooter><oddFooter><![CDATA[<sheetData/>]]></oddFooter></headerFooter>",
      "<!-- <sheetData> -->",
    ];
    for (const tail of cases) {
      const doc = worksheet('<row r="1"/>', `${tail}<pageMargins left="0.7"/>`);
      const end = doc.indexOf("</sheetData>") + "</sheetData>".length;
      expect({ tail, end: sheetDataEnd(bytes(doc)) }).toEqual({ tail, end });
    }
    const after = `${worksheet('<row r="1"/>')}<?pi <sheetData/> ?>`;
    expect(sheetDataEnd(bytes(after))).toBe(after.indexOf("</sheetData>") + 12);
    // A tail whose text reads like the end of a PI is still found, from the start.
    const odd = worksheet("", "<headerFooter><oddFooter>why?></oddFooter></headerFooter>");
    expect(sheetDataEnd(bytes(odd))).toBe(odd.indexOf("</sheetData>") + 12);
    expect(sheetDataEnd(bytes("<worksheet><!-- <sheetData/> --></worksheet>"))).toBe(-1);
  });

  it("editTail: the worksheet's end tag and the priorities of the rules", () => {
    const tail =
      '<!-- <conditionalFormatting><cfRule priority="50"/></conditionalFormatting> -->' +
      '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="3"><formula>1</formula></cfRule></conditionalFormatting>' +
      "</worksheet><!-- </x> -->";
    const edited = editTail(tail, [highlight("S", "B2")], () => 0);
    expect(edited).toContain('<cfRule type="expression" dxfId="0" priority="4">');
    expect(edited.endsWith("</worksheet><!-- </x> -->")).toBe(true);
    expect(endTagAfter(tail, 0).start).toBe(tail.indexOf("</worksheet>"));
  });

  it("xml.ts: the children, descendants and text of an element", () => {
    const xml =
      '<sheets><!-- <sheet name="Ghost"/> --><sheet name="A"/><![CDATA[<sheet name="B"/>]]><?p <sheet/>?><x><sheet name="C"/></x></sheets>';
    const root = rootElement(xml);
    const names = (els: ReturnType<typeof children>): (string | undefined)[] =>
      els.filter((e) => e.local === "sheet").map((e) => attributes(xml, e).get("name"));
    expect(names(children(xml, root))).toEqual(["A"]);
    expect(names(descendants(xml, root.openEnd, root.closeStart))).toEqual(["A", "C"]);
    expect(childElements(xml, 0, xml.length)).toHaveLength(1);
    const dn = rootElement('<definedName>"ishc:results"<!-- "ishc:findings" --></definedName>');
    expect(textOf('<definedName>"ishc:results"<!-- "ishc:findings" --></definedName>', dn)).toBe(
      '"ishc:results"',
    );
  });

  it("a generated sheet's tag name with a comment in it, and a sheet in a comment", async () => {
    const parts = unzip(buildPackage({ sheets: [{ name: "A" }, { name: "B" }] }));
    parts["xl/workbook.xml"] = strToU8(
      strFromU8(parts["xl/workbook.xml"]!)
        .replace("<sheets>", '<sheets><!-- <sheet name="Ghost" sheetId="9" r:id="rId1"/> -->')
        .replace(
          "</sheets>",
          '</sheets><definedNames><definedName name="ISHC_Generated" localSheetId="1" hidden="1">"ishc:results"<!-- x --></definedName></definedNames>',
        ),
    );
    const sheets = await openXlsx(zip(parts)).listSheets();
    expect(sheets.map((s) => [s.name, s.generated])).toEqual([
      ["A", undefined],
      ["B", "results"],
    ]);
  });

  it("styles.ts: the size and name of the workbook's default font", () => {
    const xml = MINIMAL_STYLES.replace(
      '<font><sz val="12"/>',
      '<font><!-- <sz val="99"/><name val="Ghost"/> --><sz val="12"/>',
    );
    const styles = new StylesEditor(xml);
    styles.xf("header");
    const out = styles.result()!;
    expect(out).toContain('<font><b/><sz val="12"/><name val="Times New Roman"/></font>');
    expect(out).not.toMatch(/<font><b\/><sz val="99"/);
  });

  it("sheet-drawing.ts: a chart's name and shape id in a comment of the user's anchor", async () => {
    const first = unzip(await applied(userBook(), plan([resultsSheet(), appendix()])));
    const fake =
      '<!-- <xdr:graphicFrame><xdr:nvGraphicFramePr><xdr:cNvPr id="99" name="ISHC chart 1"/></xdr:nvGraphicFramePr>' +
      '<a:graphic><a:graphicData><c:chart xmlns:c="c" xmlns:r="r" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame> -->';
    const shape =
      `<xdr:oneCellAnchor>${fake}<xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>9</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="900000" cy="300000"/>` +
      '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="7" name="Ghi chú"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr/></xdr:sp><xdr:clientData/></xdr:oneCellAnchor>';
    first["xl/drawings/drawing1.xml"] = strToU8(
      text(first, "xl/drawings/drawing1.xml").replace(
        "<xdr:twoCellAnchor>",
        `${shape}<xdr:twoCellAnchor>`,
      ),
    );
    const out = unzip(await applied(zip(first), plan([resultsSheet(), appendix()])));
    const drawing = text(out, "xl/drawings/drawing1.xml");
    expect(drawing).toContain(shape);
    expect(all(drawing, /<xdr:cNvPr id="(\d+)" name="ISHC chart 1"\/>/g)).toEqual(["99", "8"]);
  });
});
