// Benchmark (not a test): the time to load xen-syms and to verify Xen's whole in-tree
// payload set against it. Run with `npm run bench -- verify`. Target: under 1 s together.
import { XenSyms } from "../../src/livepatch/xen-syms.js";
import { verifyPayloadSet } from "../../src/verify/payload-set.js";
import { getXenBase } from "../integration/xen-base.js";
import { measure, report } from "./measure.js";

const base = await getXenBase();
const loadXen = await measure(() => XenSyms.load(base.xenSyms));
const whole = await measure(() =>
  verifyPayloadSet({ payloads: base.testPayloads, xenSyms: base.xenSyms, applied: [] }),
);
report([
  ["load xen-syms (build-id and symbol table)", loadXen],
  [`load xen-syms and verify all ${base.testPayloads.length} in-tree payloads`, whole],
]);
