// Must compile: a 409 body narrowed on its code gives that code's details, typed.
import type { components } from "./openapi";

type Conflict = components["responses"]["Error409"]["content"]["application/json"];

export function freeSeats(body: Conflict): number | undefined {
    const error = body.error;
    if (error.code === "no_seats_available") {
        const max: number = error.details.max_seats;
        const active: number = error.details.active_seats;
        const hint: string | undefined = error.details.next_available_hint;
        return hint === undefined ? max - active : 0;
    }
    const field: string = error.details.field;
    return field.length;
}
