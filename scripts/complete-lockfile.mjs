#!/usr/bin/env node
/**
 * Completes package-lock.json with the other platforms' optional binaries (darwin, win32,
 * android, ... builds of next's swc, tailwind's oxide, eslint's resolver). The package
 * mirror this project is built against serves only the linux builds, so `npm install`
 * leaves them out of the lock, and `npm ci` then refuses the lock as out of sync. Each
 * entry added here carries the os/cpu/libc its name says, so npm skips it on every other
 * platform without fetching anything. Run after `npm install` changes dependencies.
 */
import fs from "node:fs";

const LOCK = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(LOCK, "utf8"));
const packages = lock.packages;

const OS = ["android", "darwin", "freebsd", "linux", "win32", "openbsd", "netbsd", "sunos", "aix", "openharmony"];
const CPU = [
  ["arm64", "arm64"],
  ["aarch64", "arm64"],
  ["x64", "x64"],
  ["ia32", "ia32"],
  ["loong64", "loong64"],
  ["ppc64", "ppc64"],
  ["riscv64", "riscv64"],
  ["s390x", "s390x"],
  ["wasm32", "wasm32"],
  ["arm", "arm"],
];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = OS.filter((o) => parts.includes(o));
  const cpu = CPU.filter(([token]) => parts.includes(token)).map(([, c]) => c).slice(0, 1);
  const libc = parts.some((p) => p.startsWith("musl")) ? ["musl"] : parts.some((p) => p === "gnu" || p.startsWith("gnueabi")) ? ["glibc"] : [];
  return { os, cpu, libc };
}

let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ""}node_modules/${dep}`;
    if (packages[nested] || packages[`node_modules/${dep}`]) continue;
    if (!/^\d+\.\d+\.\d+/.test(spec)) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (os.length === 0 && cpu.length === 0) continue;
    packages[`node_modules/${dep}`] = {
      version: spec,
      ...(meta.dev ? { dev: true } : {}),
      optional: true,
      ...(os.length ? { os } : {}),
      ...(cpu.length ? { cpu } : {}),
      ...(libc.length ? { libc } : {}),
    };
    added++;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} platform entries`);
