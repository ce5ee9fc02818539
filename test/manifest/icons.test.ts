/**
 * The committed icons are what scripts/make-icons.js draws: after changing the drawing, run
 * `node scripts/make-icons.js`. Pixels are compared rather than bytes, since another zlib may
 * compress the same pixels differently.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readPng } from "./png";

interface IconScript {
  SIZES: number[];
  makeIcon(size: number): Buffer;
  iconPath(size: number): string;
}

const SCRIPT = path.resolve(__dirname, "../../scripts/make-icons.js");

let script: IconScript;
beforeAll(async () => {
  script = (await import(SCRIPT)) as IconScript;
});

test("the script draws the sizes the manifest uses", () => {
  expect(script.SIZES).toEqual([16, 32, 64, 80]);
});

test.each([16, 32, 64, 80])("assets/icon-%i.png matches the script's drawing", (size) => {
  const file = script.iconPath(size);
  expect(existsSync(file)).toBe(true);
  const committed = readPng(readFileSync(file), path.basename(file));
  const drawn = readPng(script.makeIcon(size));
  expect({ ...committed, scanlines: undefined }).toEqual({
    width: size,
    height: size,
    bitDepth: 8,
    colourType: 6,
    scanlines: undefined,
  });
  expect(committed.scanlines.equals(drawn.scanlines)).toBe(true);
});

test("an icon is a green square with a white mark and transparent corners", () => {
  const png = readPng(script.makeIcon(32));
  const pixel = (x: number, y: number) => {
    const o = y * (32 * 4 + 1) + 1 + x * 4;
    return [...png.scanlines.subarray(o, o + 4)];
  };
  expect(pixel(0, 0)[3]).toBe(0); // rounded corner
  expect(pixel(3, 16)).toEqual([0x10, 0x7c, 0x41, 255]); // green edge
  expect(pixel(14, 22)).toEqual([255, 255, 255, 255]); // on the check mark's stroke
});
