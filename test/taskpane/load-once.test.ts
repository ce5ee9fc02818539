import { loadOnce } from "../../src/taskpane/load-once";

describe("loadOnce", () => {
  it("imports once for every caller", async () => {
    let calls = 0;
    const load = loadOnce(async () => ({ n: ++calls }));
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(calls).toBe(1);
  });

  it("forgets a failed import, so the next use tries again", async () => {
    let calls = 0;
    const load = loadOnce(async () => {
      if (++calls === 1) throw new Error("offline");
      return "engine";
    });
    await expect(load()).rejects.toThrow("offline");
    await expect(load()).resolves.toBe("engine");
    expect(calls).toBe(2);
  });
});
