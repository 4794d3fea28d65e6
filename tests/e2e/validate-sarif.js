// validate-sarif.js SCHEMA FILE... - validates each SARIF log FILE against
// the SARIF 2.1.0 JSON schema SCHEMA (draft-04, so ajv-draft-04; formats
// such as uri-reference and date-time checked by ajv-formats). Prints
// "ok FILE" or "not ok FILE" with the schema errors below it; exits 1 when
// any file fails. Used by tests/e2e/sarif.sh.
"use strict";
const fs = require("fs");
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
let failed = 0;
for (const file of files) {
  let log;
  try {
    log = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    console.log(`not ok ${file}\n    not JSON: ${e.message}`);
    failed++;
    continue;
  }
  if (validate(log)) {
    console.log(`ok ${file}`);
  } else {
    failed++;
    console.log(`not ok ${file}`);
    for (const err of validate.errors.slice(0, 20))
      console.log(`    ${err.instancePath || "/"} ${err.message}`);
  }
}
process.exit(failed ? 1 : 0);
