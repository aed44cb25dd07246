/**
 * How a reader answers a where-to-start question: the one list for the guide's schema
 * (./where-to-start.ts), its page and the browser code that reads answers from the page address.
 * No zod here, so browser code can import it.
 */
import { terms } from './taxonomy';

/** `unsure` counts only where a priority names it. */
export const guideAnswers = terms([
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unsure', label: 'Not sure' },
] as const);
