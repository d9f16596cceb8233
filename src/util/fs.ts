/** Small file-system helpers shared by the stages. */
import { createHash } from "node:crypto";
import { access, readFile } from "node:fs/promises";

export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** sha256 of a file's content, in hex. */
export async function sha256File(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}
