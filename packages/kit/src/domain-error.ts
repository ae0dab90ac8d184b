/**
 * The one error type domain code throws for a request it must refuse. Plain TypeScript (no tRPC), so
 * domain modules can use it; the kit maps `kind` to an HTTP status. `message` is shown to the person.
 */
export type DomainErrorKind = "invalid" | "not_found" | "conflict" | "unavailable";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** Optional field -> message map, for forms. */
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
