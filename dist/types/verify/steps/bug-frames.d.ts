/**
 * Beyond the loader: `.bug_frames.*` entries once relocated. prepare_payload() takes the
 * frames as they are (xen/common/livepatch.c); a location outside the payload's text only
 * matters when the BUG or WARN there fires.
 */
import { type VerifierStep } from "./context.js";
export declare const BUG_FRAMES: VerifierStep;
