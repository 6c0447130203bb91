/**
 * The error tree. Four families, as edgartools draws them:
 *  - TransportError: could not get it (network, HTTP status, timeout)
 *  - NotFoundError: it does not exist (404, unknown ticker)
 *  - ParseError: got bytes, could not build the object (corrupt PDF, not HTML)
 *  - ValidationError: input wrong before we asked (bad flag, bad registry entry)
 * Each carries where: the file (or URL), a location inside it, and the field.
 * The CLI prints `name: message` for these and a stack only for anything else.
 */
export interface ErrorWhere {
  /** path or URL of the input */
  file?: string;
  /** position inside it: "page 3", "table 2 row 5", "line 12" */
  location?: string;
  /** field path for validation, e.g. "companies[3].cik" */
  field?: string;
}

export class HashledgerError extends Error {
  override name = 'HashledgerError';
  readonly where: ErrorWhere;
  constructor(message: string, where: ErrorWhere = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.where = where;
  }
  /** One line for a terminal: `ParseError: report.pdf (page 3): no PDF header` */
  toLine(): string {
    const at = [this.where.file, this.where.location && `(${this.where.location})`, this.where.field && `[${this.where.field}]`]
      .filter(Boolean)
      .join(' ');
    return `${this.name}: ${at ? `${at}: ` : ''}${this.message}`;
  }
}

export class TransportError extends HashledgerError {
  override name = 'TransportError';
  readonly status?: number;
  constructor(message: string, where: ErrorWhere & { status?: number } = {}, options?: { cause?: unknown }) {
    super(message, where, options);
    this.status = where.status;
  }
}

export class NotFoundError extends HashledgerError {
  override name = 'NotFoundError';
}

export class ParseError extends HashledgerError {
  override name = 'ParseError';
}

export class ValidationError extends HashledgerError {
  override name = 'ValidationError';
}

/** Message for any thrown value, one line. */
export function describeError(err: unknown): string {
  if (err instanceof HashledgerError) return err.toLine();
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
