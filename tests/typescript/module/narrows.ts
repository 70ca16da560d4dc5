// Must compile: each format's body narrows on its code member, and a narrowed body
// reads that code's details with their types.
import { isErrorBody, RETRYABLE, STATUS, type ErrorBodies, type ErrorCode } from "./errors";

type Nested = ErrorBodies["no_seats" | "invalid_input" | "gone"];

export function nested(body: Nested): number {
    if (body.error.code === "no_seats") {
        const max: number = body.error.details.max_seats;
        const hint: string | undefined = body.error.details.hint;
        const scopes: string[] = body.error.details.scopes;
        return max + (hint?.length ?? 0) + scopes.length;
    }
    if (body.error.code === "invalid_input") {
        return body.error.details.errors.filter((e) => e.field === "email" && e.code !== undefined).length;
    }
    const gone: "gone" = body.error.code;
    return gone.length + (body.meta?.request_id.length ?? 0);
}

type Flat = ErrorBodies["flat_conflict" | "flat_invalid"];

export function flat(body: Flat): number {
    if (body.code === "flat_conflict") {
        const value: string = body.details.value;
        const retry: boolean = body.details.retry;
        return retry ? value.length : 0;
    }
    const attempt: number = body.details.attempt;
    const email = body.details["email"];
    return typeof email === "object" ? email.message.length : attempt;
}

export function compact(body: ErrorBodies["compact_limited" | "error"]): number {
    if (body.error === "compact_limited") {
        const status: 429 = body.status;
        return status;
    }
    const status: 400 = body.status;
    return status;
}

type Problem = ErrorBodies["problem_invalid" | "problem_missing"];

export function problem(body: Problem): string {
    if (body.code === "problem_invalid") {
        const form: string = body.form;
        return form + body.errors.map((e) => e.pointer + e.detail).join();
    }
    const count: number | undefined = body.count;
    return body.id + body.title + String(count ?? 0);
}

type Google = ErrorBodies["quota_exceeded" | "google_invalid"];

export function google(body: Google): string {
    const info = body.error.details[0];
    if (info.reason === "QUOTA_EXCEEDED") {
        const domain: "quota.example.com" = info.domain;
        return domain + info.metadata.limit + info.metadata.window;
    }
    const errors: string = info.metadata.errors;
    return errors;
}

export function read(text: string): ErrorCode | undefined {
    const value: unknown = JSON.parse(text);
    if (isErrorBody(value) && "code" in value && typeof value.code === "string") {
        const code: ErrorCode = value.code;
        return STATUS[code] === 409 && !RETRYABLE[code] ? code : undefined;
    }
    return undefined;
}
