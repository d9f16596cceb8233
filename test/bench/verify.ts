// Benchmark (not a test): the time to load xen-syms and to verify Xen's whole in-tree
// payload set against it, with and without the instruction checks (which decode all of
// xen-syms' code with iced-x86). Run with `npm run bench -- verify`. Target: under 1 s together.
import { XenSyms } from "../../src/livepatch/xen-syms.js";
import { verifyPayloadSet } from "../../src/verify/payload-set.js";
import { getXenBase } from "../integration/xen-base.js";
import { measure, report } from "./measure.js";

const base = await getXenBase();
const loadXen = await measure(() => XenSyms.load(base.xenSyms));
const withoutInstructions = await measure(() =>
  verifyPayloadSet({
    payloads: base.testPayloads,
    xenSyms: base.xenSyms,
    applied: [],
    instructions: false,
  }),
);
const whole = await measure(() =>
  verifyPayloadSet({ payloads: base.testPayloads, xenSyms: base.xenSyms, applied: [] }),
);
const n = base.testPayloads.length;
report([
  ["load xen-syms (build-id and symbol table; the x86 decoder is loaded once)", loadXen],
  [
    `load xen-syms and verify all ${n} in-tree payloads, no instruction checks`,
    withoutInstructions,
  ],
  [`load xen-syms and verify all ${n} in-tree payloads (decoding xen-syms' code)`, whole],
]);
