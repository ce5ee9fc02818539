/**
 * A chunk fetched on first use and kept: every caller waits for the same import. A failed fetch
 * (the network, a deployment replaced under the open pane) is forgotten, so the next use retries.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
