/**
 * Lets the browser paint a new stage before the next synchronous stretch of work (a check or a
 * merge runs on the main thread). Falls back to a timer where animation frames do not run (a
 * hidden tab, or none at all).
 */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame !== "function") return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
