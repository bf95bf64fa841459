// Build-time conversion of kept data packages into the JSON this package ships.
// Run: node toegankelijkheid/data/convert.mjs <unpacked aria-query> <unpacked language-subtag-registry>
// (scripts/wcag-data does `npm pack` of both into a temporary directory and calls this).
// Nothing here runs when the checker runs; the checker only reads the JSON.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [ariaDir, registryDir] = process.argv.slice(2);
const require = createRequire(import.meta.url);

function packageInfo(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  return { package: pkg.name, version: pkg.version, license: pkg.license, homepage: pkg.homepage || "" };
}

// --- WAI-ARIA 1.2 (aria-query) ---
const q = require(join(ariaDir, "lib", "index.js"));
const roles = {};
for (const [name, role] of q.roles.entries()) {
  const ancestors = new Set();
  for (const chain of role.superClass) for (const r of chain) ancestors.add(r);
  roles[name] = {
    abstract: role.abstract,
    superclasses: [...ancestors].sort(),
    supported: Object.keys(role.props).sort(),
    required: Object.keys(role.requiredProps).sort(),
    prohibited: [...role.prohibitedProps].sort(),
    requiredContext: [...role.requiredContextRole].sort(),
    requiredOwned: role.requiredOwnedElements.map((chain) => chain.join(" > ")).sort(),
    nameFrom: role.nameFrom || [],
    nameRequired: Boolean(role.accessibleNameRequired),
    childrenPresentational: Boolean(role.childrenPresentational),
  };
}
const attributes = {};
for (const [name, definition] of q.aria.entries()) {
  attributes[name] = {
    type: definition.type,
    values: definition.values || [],
    allowUndefined: Boolean(definition.allowundefined),
  };
}
const elementRoles = [];
for (const [concept, names] of q.elementRoles.entries()) {
  elementRoles.push({
    element: concept.name,
    attributes: (concept.attributes || []).map((a) => ({ name: a.name, value: a.value ?? null, constraints: a.constraints || [] })),
    constraints: concept.constraints || [],
    roles: [...names],
  });
}
writeFileSync(
  join(here, "aria.json"),
  JSON.stringify({ source: packageInfo(ariaDir), note: "WAI-ARIA 1.2 roles, states and properties and HTML element roles, converted from aria-query's lib/ data by convert.mjs", roles, attributes, elementRoles }, null, 1) + "\n",
);

// --- IANA language subtag registry (language-subtag-registry) ---
const registry = JSON.parse(readFileSync(join(registryDir, "data", "json", "registry.json"), "utf8"));
const meta = JSON.parse(readFileSync(join(registryDir, "data", "json", "meta.json"), "utf8"));
const out = { language: [], extlang: {}, script: [], region: [], variant: {}, grandfathered: [], redundant: [], deprecated: {} };
for (const entry of registry) {
  const type = entry.Type;
  const key = (entry.Subtag || entry.Tag).toLowerCase();
  if (entry.Deprecated) out.deprecated[`${type}:${key}`] = (entry["Preferred-Value"] || "").toLowerCase();
  if (type === "language" || type === "script" || type === "region") out[type].push(key);
  else if (type === "extlang" || type === "variant") out[type][key] = (entry.Prefix || []).map((p) => p.toLowerCase());
  else if (type === "grandfathered" || type === "redundant") out[type].push(key);
}
writeFileSync(
  join(here, "language-subtags.json"),
  JSON.stringify({ source: { ...packageInfo(registryDir), registry: "IANA Language Subtag Registry", fileDate: meta["File-Date"] }, ...out }) + "\n",
);
console.log(`aria.json: ${Object.keys(roles).length} roles, ${Object.keys(attributes).length} attributes; language-subtags.json: File-Date ${meta["File-Date"]}`);
