// Must compile: in the Flat and Problem formats the code is a top-level member, on which
// the responses carry a discriminator; a body narrows on it.
import type { components as flat } from "./flat";
import type { components as problem } from "./problem";

type FlatConflict = flat["responses"]["Error409"]["content"]["application/json"];
type ProblemConflict = problem["responses"]["Error409"]["content"]["application/problem+json"];

export function flatSeats(body: FlatConflict): number {
    if (body.code === "no_seats_available") {
        const max: number = body.details.max_seats;
        return max;
    }
    const value: string = body.details.value;
    return value.length;
}

export function problemSeats(body: ProblemConflict): number {
    if (body.code === "no_seats_available") {
        const max: number = body.max_seats;
        const title: string = body.title;
        return max + title.length;
    }
    const field: string = body.field;
    return field.length;
}
