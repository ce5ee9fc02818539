/** Pieces of about this many characters are encoded at a time. */
const PIECE_CHARS = 64 * 1024;

/**
 * `JSON.stringify(value, null, 2)` and a newline, as UTF-8 pieces: the very bytes, without ever
 * holding the whole text. A country's report is 15 MB of JSON; as one string (two bytes a
 * character once any Vietnamese letter is in it), flattened to be encoded, then encoded, it
 * held about 75 MB at the end of the run (issue 15). Plain arrays and objects are walked here,
 * anything else (strings, numbers, an object with toJSON) is given to JSON.stringify whole.
 */
export function jsonPieces(value: unknown): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let text = "";
  const emit = (s: string): void => {
    text += s;
    if (text.length >= PIECE_CHARS) {
      pieces.push(Buffer.from(text, "utf8"));
      text = "";
    }
  };
  write(value, "", emit);
  emit("\n");
  if (text !== "") pieces.push(Buffer.from(text, "utf8"));
  return pieces;
}

/** An array or plain object walked here (an empty one, or one with toJSON, is a leaf). */
function container(v: unknown): "array" | "object" | null {
  if (typeof v !== "object" || v === null || "toJSON" in v) return null;
  if (Array.isArray(v)) return v.length > 0 ? "array" : null;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null ? "object" : null;
}

/** A value JSON.stringify gives whole, at an indent; undefined where it gives nothing. */
const leaf = (v: unknown, indent: string): string | undefined =>
  (JSON.stringify(v, null, 2) as string | undefined)?.replace(/\n/g, `\n${indent}`);

/** Writes a value at an indent, as JSON.stringify with an indent of two spaces does. */
function write(value: unknown, indent: string, emit: (s: string) => void): void {
  const inner = `${indent}  `;
  const kind = container(value);
  if (kind === "array") {
    const items = value as unknown[];
    emit("[\n");
    items.forEach((item, i) => {
      emit(inner);
      // In an array, what JSON.stringify gives nothing for (undefined, a function) is null.
      if (container(item)) write(item, inner, emit);
      else emit(leaf(item, inner) ?? "null");
      emit(i < items.length - 1 ? ",\n" : "\n");
    });
    emit(`${indent}]`);
    return;
  }
  if (kind === "object") {
    const object = value as Record<string, unknown>;
    // In an object, such members are left out: the leaves are made before anything is written.
    const members: [string, string | undefined][] = [];
    for (const key of Object.keys(object)) {
      const v = object[key];
      if (container(v)) members.push([key, undefined]);
      else {
        const text = leaf(v, inner);
        if (text !== undefined) members.push([key, text]);
      }
    }
    if (members.length === 0) {
      emit("{}");
      return;
    }
    emit("{\n");
    members.forEach(([key, text], i) => {
      emit(`${inner}${JSON.stringify(key)}: `);
      if (text === undefined) write(object[key], inner, emit);
      else emit(text);
      emit(i < members.length - 1 ? ",\n" : "\n");
    });
    emit(`${indent}}`);
    return;
  }
  emit(leaf(value, indent) ?? "undefined");
}
