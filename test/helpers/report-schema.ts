// report.json against its documented schema (docs/report.schema.json), for every test that
// reads a report the pipeline wrote.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";

const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "..", "docs", "report.schema.json"), "utf8"),
) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** What the schema finds wrong with `report` (JSON of Ajv's errors); "" when it accepts it. */
export function reportSchemaErrors(report: unknown): string {
  return validate(report) ? "" : JSON.stringify(validate.errors, null, 2);
}
