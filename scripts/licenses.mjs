#!/usr/bin/env node
// Writes the list of every dependency Kizuki ships, with its licence, for the About screen
// (ui/src/features/about/licenses.json): the Rust crates the app and the CLI are built from, on
// any platform (normal dependencies only: build tools and test crates are not shipped), the npm
// packages of the UI bundle (not the dev tools), and the data built in (the name dictionary).
// `--check` fails when the file is stale, as CI runs it.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const output = `${root}ui/src/features/about/licenses.json`;

function rustCrates() {
  const metadata = JSON.parse(
    execFileSync("cargo", ["metadata", "--format-version", "1", "--locked"], {
      cwd: root,
      maxBuffer: 512 * 1024 * 1024,
    }),
  );
  const nodes = new Map(metadata.resolve.nodes.map((node) => [node.id, node]));
  const packages = new Map(metadata.packages.map((pkg) => [pkg.id, pkg]));
  const shipped = metadata.packages
    .filter((pkg) => pkg.name === "kizuki-desktop" || pkg.name === "kizuki-cli")
    .map((pkg) => pkg.id);
  const seen = new Set();
  const pending = [...shipped];
  while (pending.length > 0) {
    const id = pending.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    for (const dep of nodes.get(id).deps) {
      if (dep.dep_kinds.some((kind) => kind.kind === null)) pending.push(dep.pkg);
    }
  }
  return [...seen]
    .map((id) => packages.get(id))
    .filter((pkg) => pkg.source !== null)
    .map((pkg) => ({
      name: pkg.name,
      version: pkg.version,
      license: pkg.license ?? (pkg.license_file ? `see ${pkg.license_file}` : "unknown"),
      repository: pkg.repository ?? null,
    }));
}

function npmPackages() {
  const lock = JSON.parse(readFileSync(`${root}ui/package-lock.json`, "utf8"));
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith("node_modules/") && !entry.dev && !entry.devOptional)
    .map(([path, entry]) => ({
      name: path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length),
      version: entry.version,
      license: entry.license ?? "unknown",
      repository: null,
    }));
}

const byName = (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version);
// Data built into the app rather than fetched as a package.
const data = [
  {
    name: "mecab-ipadic (family, given and place names; src-tauri/core/src/identifying/proper_nouns.LICENSE)",
    version: "2.7.0-20070801",
    license: "BSD-3-Clause-with-ICOT-term (NAIST, ICOT)",
    repository: null,
  },
];
const list = { rust: rustCrates().sort(byName), npm: npmPackages().sort(byName), data };
const text = `${JSON.stringify(list, null, 1)}\n`;

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(output, "utf8");
  } catch {
    // missing: stale
  }
  if (current !== text) {
    console.error("licenses.json is stale: run `node scripts/licenses.mjs` and commit it");
    process.exit(1);
  }
} else {
  writeFileSync(output, text);
  console.log(`${list.rust.length} crates and ${list.npm.length} npm packages`);
}
