/**
 * Beyond the loader: `.ex_table` entries once relocated. prepare_payload() takes the table
 * as it is (xen/common/livepatch.c); an entry's faulting address and continuation outside
 * the payload's text only matter when a fault happens there.
 */
import { type VerifierStep } from "./context.js";
export declare const EX_TABLE: VerifierStep;
