/**
 * Correlate: which unit of the patched object is which unit of the base's object. By
 * kind and name first, then through renumbered clones and statics (`foo.isra.0`,
 * `calls.1`) where the match is unambiguous.
 */
import { type ObjectModel, type Unit } from "./object-model.js";
import { isCode, stripCloneNumber } from "./sections.js";

/** The base's unit of each patched unit that has one. */
export function correlate(original: ObjectModel, patched: ObjectModel): Map<Unit, Unit> {
  const pairs = pairUnits(original.units, patched.units);
  pairStaticsByUser(original, patched, pairs);
  return pairs;
}

/** Pairs units of the two objects: by name, then by name without the clone number. */
function pairUnits(original: readonly Unit[], patched: readonly Unit[]): Map<Unit, Unit> {
  const pairs = new Map<Unit, Unit>();
  const key = (u: Unit) => `${u.kind} ${isCode(u.section) ? "x" : "d"} ${u.name}`;
  const byName = new Map(original.map((u) => [key(u), u]));
  const unpaired: Unit[] = [];
  for (const u of patched) {
    const o = byName.get(key(u));
    if (o) {
      pairs.set(u, o);
      byName.delete(key(u));
    } else unpaired.push(u);
  }
  // Renumbered clones and statics: only when the stripped name is unambiguous on both sides.
  const strippedKey = (u: Unit) => `${u.kind} ${stripCloneNumber(u.name)}`;
  const group = (units: Iterable<Unit>) => {
    const m = new Map<string, Unit[]>();
    for (const u of units) m.set(strippedKey(u), [...(m.get(strippedKey(u)) ?? []), u]);
    return m;
  };
  const left = group(byName.values());
  for (const [k, list] of group(unpaired)) {
    const candidates = left.get(k);
    if (list.length === 1 && candidates?.length === 1) pairs.set(list[0]!, candidates[0]!);
  }
  return pairs;
}

/** The units a function's relocations point at, in its own object. */
export function referencedUnits(model: ObjectModel, fn: Unit): Set<Unit> {
  const found = new Set<Unit>();
  for (const r of fn.relas) {
    const t = model.target(r);
    const unit = t.kind === "section" ? model.unitOf(t) : undefined;
    if (unit) found.add(unit);
  }
  return found;
}

/**
 * Function-local statics (`calls.0`, `calls.1`) renumbered by a patch that adds another
 * of the same name: each is paired through the functions that use it, which already are.
 */
function pairStaticsByUser(
  original: ObjectModel,
  patched: ObjectModel,
  pairs: Map<Unit, Unit>,
): void {
  const pairedOriginals = new Set(pairs.values());
  const functions = patched.units.filter((u) => u.kind === "function");
  for (const data of patched.units) {
    if (data.kind !== "object" || pairs.has(data)) continue;
    const users = functions.filter((f) => referencedUnits(patched, f).has(data));
    if (users.length === 0 || !users.every((u) => pairs.has(u))) continue;
    const name = stripCloneNumber(data.name);
    const candidates = users
      .map((u) =>
        [...referencedUnits(original, pairs.get(u)!)].filter(
          (o) =>
            o.kind === "object" && !pairedOriginals.has(o) && stripCloneNumber(o.name) === name,
        ),
      )
      .reduce((a, b) => a.filter((x) => b.includes(x)));
    if (candidates.length === 1) {
      pairs.set(data, candidates[0]!);
      pairedOriginals.add(candidates[0]!);
    }
  }
}
