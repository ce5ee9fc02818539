/** Hands bytes to the browser as a file download (Blob + object URL + a clicked link). */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  // No copy when the bytes fill a plain ArrayBuffer of their own (a Worker's transferred answer:
  // copying a country's 24 MB would hold the page); a copy otherwise, as Blob's typings refuse a
  // view that may be shared memory.
  const own =
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength;
  const part = own ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
  const blob = new Blob([part], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; give slow browsers time before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
