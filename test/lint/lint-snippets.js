// Lints code snippets as if they were files in src/core, in a plain Node process: ESLint loads its
// flat config with a dynamic import, which Jest's module system does not support.
const { ESLint } = require("eslint");
const { join } = require("node:path");

async function run() {
  const cases = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
  const root = join(__dirname, "../..");
  const eslint = new ESLint({ cwd: root });
  const out = [];
  for (const code of cases) {
    const [result] = await eslint.lintText(code, {
      filePath: join(root, "src/core/rules/zz-probe.ts"),
    });
    out.push(result.messages.map((m) => m.ruleId));
  }
  process.stdout.write(JSON.stringify(out));
}
run().catch((e) => {
  process.stderr.write(String(e && e.stack));
  process.exit(1);
});
