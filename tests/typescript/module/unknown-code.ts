// Must not compile: no code of the catalog is `flat_missing`.
import type { ErrorBody } from "./errors";

export function missing(body: Extract<ErrorBody, { code: string }>): boolean {
    return body.code === "flat_missing";
}
