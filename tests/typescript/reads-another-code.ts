// Must not compile: `already_exists` has no `max_seats` detail (`no_seats_available` has).
import type { components } from "./openapi";

type Conflict = components["responses"]["Error409"]["content"]["application/json"];

export function maxSeats(body: Conflict): number | undefined {
    const error = body.error;
    if (error.code === "already_exists") {
        return error.details.max_seats;
    }
    return undefined;
}
