// Runs the compiled module's isErrorBody on every body of bodies.json (argument 1) and
// prints one line per body: its label, then `accepted` or `rejected`.
import { readFileSync } from "node:fs";
import { isErrorBody } from "./js/errors.js";

const bodies = JSON.parse(readFileSync(process.argv[2], "utf8"));
for (const [label, body] of bodies) {
    console.log(`${label}: ${isErrorBody(body) ? "accepted" : "rejected"}`);
}
