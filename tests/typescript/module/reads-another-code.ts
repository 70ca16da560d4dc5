// Must not compile: `flat_conflict` has no `attempt` detail (`flat_invalid` has).
import type { ErrorBodies } from "./errors";

export function attempt(body: ErrorBodies["flat_conflict" | "flat_invalid"]): number {
    if (body.code === "flat_conflict") {
        return body.details.attempt;
    }
    return 0;
}
