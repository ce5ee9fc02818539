/** Hands bytes to the browser as a file download (Blob + object URL + a clicked link). */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  // A copy in a plain ArrayBuffer: Blob's typings refuse a view that may be shared memory.
  const blob = new Blob([bytes.slice()], {
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
