/** A tag as the API will spell it, so suggestions and what was typed compare alike. */
export const tagSpelling = (raw: string) => raw.trim().toLowerCase().replace(/\s+/g, '-');
