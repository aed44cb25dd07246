/**
 * A month as the content files write it, YYYY-MM. Apart from the zod schema (./fields.ts), so
 * the browser's forms can check a month without loading zod.
 */
export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
