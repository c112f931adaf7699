/** A timestamp from the database (a Date, or a string from a raw query) as an ISO 8601 string. */
export const iso = (v: Date | string): string => new Date(v).toISOString();
