/**
 * Domain errors: services throw these; one handler (platform/error-handler.ts) maps them to pages and JSON.
 * `messageKey` is a message-catalogue key, never a sentence, so every error reaches the user in their language.
 */
export class DomainError extends Error {
  constructor(
    readonly statusCode: number,
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(messageKey = "error.notFound", params: Record<string, string | number> = {}) {
    super(404, messageKey, params);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(messageKey = "error.signInRequired") {
    super(401, messageKey);
  }
}

export class ForbiddenError extends DomainError {
  constructor(messageKey = "error.forbidden") {
    super(403, messageKey);
  }
}

export class ConflictError extends DomainError {
  constructor(messageKey: string, params: Record<string, string | number> = {}) {
    super(409, messageKey, params);
  }
}

/** One problem with one input field; `field` is the form field name, `messageKey` a catalogue key. */
export type FieldIssue = { field: string; messageKey: string; params?: Record<string, string | number> };

export class ValidationError extends DomainError {
  constructor(readonly issues: FieldIssue[]) {
    super(422, "error.validation");
  }
}
