import { strFromU8, strToU8 } from "fflate";
import { all, appendix, applied, expectValidPackage, ourParts, userBook } from "./extras";
import { text, unzip, zip } from "./fixtures";
import { plan, resultsSheet } from "./plans";

/** Native charts on generated sheets: placed beside the user's, replaced on a re-run, never orphaned. */
describe("charts on generated sheets", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let parts: Record<string, Uint8Array>;
  const PLAN = plan([resultsSheet(), appendix()]);

  beforeAll(async () => {
    input = userBook();
    output = await applied(input, PLAN);
    parts = unzip(output);
  });

  it("places a native clustered column chart over the given cells, beside the user's", () => {
    expect(ourParts(parts)).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/_rels/drawing9.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/drawings/drawing9.xml",
    ]);
    const sheet = text(parts, "xl/worksheets/sheet4.xml");
    const sheetRels = text(parts, "xl/worksheets/_rels/sheet4.xml.rels");
    const drawingId = /<drawing r:id="([^"]+)"\/><\/worksheet>$/.exec(sheet)![1];
    expect(sheetRels).toContain(
      `Id="${drawingId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`,
    );
    const drawing = text(parts, "xl/drawings/drawing1.xml");
    expect(drawing).toContain(
      "<xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
        "<xdr:to><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>",
    );
    expect(drawing).toContain('<xdr:cNvPr id="2" name="ISHC chart 1"/>');
    expect(text(parts, "xl/drawings/_rels/drawing1.xml.rels")).toContain(
      'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart2.xml"',
    );
    const chart = text(parts, "xl/charts/chart2.xml");
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart).toContain("<a:t>Lộ trình 1 &lt;&amp;&gt;</a:t>");
    expect(all(chart, /<c:ser>/g)).toHaveLength(2);
    expect(chart).toContain("<c:tx><c:v>Đã thành lập</c:v></c:tx>");
    expect(chart).toContain(
      `<c:cat><c:strRef><c:f>'Phụ lục'!$A$4:$A$6</c:f><c:strCache><c:ptCount val="3"/><c:pt idx="0"><c:v>Huyện Vũ Quang</c:v></c:pt><c:pt idx="1"><c:v>Hương Khê</c:v></c:pt><c:pt idx="2"><c:v>Thị xã Hồng Lĩnh</c:v></c:pt></c:strCache></c:strRef></c:cat>`,
    );
    // The blank cell C5 has no point: the chart shows a gap, not a zero.
    expect(chart).toContain(
      `<c:val><c:numRef><c:f>'Phụ lục'!$C$4:$C$6</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>4</c:v></c:pt><c:pt idx="2"><c:v>6</c:v></c:pt></c:numCache></c:numRef></c:val>`,
    );
    const types = text(parts, "[Content_Types].xml");
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expectValidPackage(parts);
  });

  it("leaves the user's chart, drawing and sheets byte for byte", () => {
    const before = unzip(input);
    for (const name of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing9.xml",
      "xl/drawings/_rels/drawing9.xml.rels",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/_rels/sheet2.xml.rels",
    ])
      expect({ name, same: Buffer.compare(before[name]!, parts[name]!) === 0 }).toEqual({
        name,
        same: true,
      });
  });

  it("replaces its charts and print names on a re-run with another plan, leaving no orphan", async () => {
    const two = await applied(output, plan([resultsSheet(), appendix("Phụ lục", 2)]));
    const p2 = unzip(two);
    expect(ourParts(p2)).toContain("xl/charts/chart3.xml");
    expect(all(text(p2, "xl/drawings/drawing1.xml"), /name="(ISHC chart \d)"/g)).toEqual([
      "ISHC chart 1",
      "ISHC chart 2",
    ]);
    expectValidPackage(p2);
    const one = unzip(await applied(two, PLAN));
    expect(ourParts(one)).toEqual(ourParts(parts));
    expect(all(text(one, "xl/drawings/drawing1.xml"), /<xdr:twoCellAnchor/g)).toHaveLength(1);
    expectValidPackage(one);
    const bare = { ...appendix(), charts: [], print: undefined, validations: undefined };
    const none = unzip(await applied(two, plan([bare])));
    expect(ourParts(none)).toEqual([
      "xl/charts/chart1.xml",
      "xl/drawings/_rels/drawing9.xml.rels",
      "xl/drawings/drawing9.xml",
    ]);
    expect(text(none, "xl/worksheets/sheet4.xml")).not.toMatch(
      /<drawing|<pageSetup|<dataValidations/,
    );
    expect(none["xl/worksheets/_rels/sheet4.xml.rels"]).toBeUndefined();
    expect(all(text(none, "xl/workbook.xml"), /name="(_xlnm\.[^"]+)"/g)).toEqual([
      "_xlnm.Print_Area",
    ]);
    expect(text(none, "[Content_Types].xml")).not.toMatch(/chart[23]\.xml|drawing1\.xml/);
    expectValidPackage(none);
  });

  it("keeps a user's shape in the drawing of a generated sheet while replacing the chart", async () => {
    const p: Record<string, Uint8Array> = { ...parts };
    const shape =
      '<xdr:oneCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>9</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="900000" cy="300000"/>' +
      '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="7" name="Ghi chú của tôi"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:sp><xdr:clientData/></xdr:oneCellAnchor>';
    p["xl/drawings/drawing1.xml"] = strToU8(
      strFromU8(parts["xl/drawings/drawing1.xml"]!).replace(
        "<xdr:twoCellAnchor>",
        `${shape}<xdr:twoCellAnchor>`,
      ),
    );
    const out = unzip(await applied(zip(p), plan([resultsSheet(), { ...appendix(), charts: [] }])));
    const drawing = text(out, "xl/drawings/drawing1.xml");
    expect(drawing).toContain(shape);
    expect(drawing).not.toContain("ISHC chart");
    expect(out["xl/charts/chart2.xml"]).toBeUndefined();
    expect(text(out, "xl/worksheets/sheet4.xml")).toMatch(
      /<drawing r:id="rId\d+"\/><\/worksheet>$/,
    );
    expectValidPackage(out);
    const back = unzip(await applied(zip(out), PLAN));
    expect(all(text(back, "xl/drawings/drawing1.xml"), /<xdr:cNvPr id="(\d+)"/g)).toEqual([
      "7",
      "8",
    ]);
  });

  it("removes a chart the plan dropped, with the style parts Excel adds, but not the user's chart", async () => {
    const p: Record<string, Uint8Array> = { ...parts };
    const edit = (name: string, from: string, to: string): void => {
      p[name] = strToU8(text(p, name).replace(from, to));
    };
    const userAnchor = text(p, "xl/drawings/drawing1.xml")
      .match(/<xdr:twoCellAnchor>.*<\/xdr:twoCellAnchor>/)![0]
      .replace('id="2" name="ISHC chart 1"', 'id="3" name="Biểu đồ của tôi"')
      .replace('r:id="rId1"', 'r:id="rId7"');
    edit("xl/drawings/drawing1.xml", "</xdr:wsDr>", `${userAnchor}</xdr:wsDr>`);
    const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    edit(
      "xl/drawings/_rels/drawing1.xml.rels",
      "</Relationships>",
      `<Relationship Id="rId7" Type="${R}/chart" Target="../charts/chart7.xml"/></Relationships>`,
    );
    p["xl/charts/chart7.xml"] = parts["xl/charts/chart1.xml"]!;
    p["xl/charts/style2.xml"] = strToU8(
      '<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>',
    );
    p["xl/charts/colors2.xml"] = strToU8(
      '<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>',
    );
    p["xl/charts/_rels/chart2.xml.rels"] = strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/chartColorStyle" Target="colors2.xml"/><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartStyle" Target="style2.xml"/></Relationships>`,
    );
    edit(
      "[Content_Types].xml",
      "</Types>",
      '<Override PartName="/xl/charts/chart7.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/xl/charts/style2.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/>' +
        '<Override PartName="/xl/charts/colors2.xml" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/></Types>',
    );
    expectValidPackage(p);
    const bare = { ...appendix(), charts: [] };
    const out = unzip(await applied(zip(p), plan([resultsSheet(), bare])));
    expect(ourParts(out)).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart7.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/_rels/drawing9.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/drawings/drawing9.xml",
    ]);
    expect(text(out, "xl/drawings/drawing1.xml")).toContain(userAnchor);
    expect(text(out, "xl/drawings/drawing1.xml")).not.toContain("ISHC chart");
    expect(text(out, "xl/drawings/_rels/drawing1.xml.rels")).not.toContain('Id="rId1"');
    expect(text(out, "[Content_Types].xml")).not.toMatch(/style2|colors2|chart2/);
    expect(text(out, "xl/workbook.xml")).not.toContain("ISHC_Charts");
    expectValidPackage(out);
  });

  it("gives each generated sheet its own drawing and charts, numbered past the user's", async () => {
    const second = { ...appendix("Phụ lục 2", 2), kind: "results" as const };
    const out = unzip(await applied(input, plan([appendix(), second])));
    expect(text(out, "xl/drawings/_rels/drawing1.xml.rels")).toContain("../charts/chart2.xml");
    expect(text(out, "xl/drawings/_rels/drawing2.xml.rels")).toContain("../charts/chart3.xml");
    expect(text(out, "xl/drawings/_rels/drawing2.xml.rels")).toContain("../charts/chart4.xml");
    expect(text(out, "xl/worksheets/_rels/sheet4.xml.rels")).toContain("../drawings/drawing2.xml");
    expect(text(out, "xl/charts/chart4.xml")).toContain("<c:f>'Phụ lục 2'!$B$4:$B$6</c:f>");
    expectValidPackage(out);
  });
});
