import type { SignatureRecord } from "../report/metadata.js";
import { type SigningKey } from "./minisign.js";
export declare const PUBLIC_KEY_FILE = "minisign.pub";
/** Writes `<file>.minisig` for `file`; the trusted comment names the file and its sha256. */
export declare function signOne(key: SigningKey, file: string, outputDir: string): Promise<SignatureRecord>;
/** Writes the public key into the output directory and returns its path. */
export declare function writePublicKey(key: SigningKey, outputDir: string): Promise<string>;
