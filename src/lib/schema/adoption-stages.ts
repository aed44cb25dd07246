/**
 * How far an adoption has got: the one list for the adoption schema (./adoption.ts), the
 * "We are using this" issue form and the pages. No zod here, so browser code can import it.
 */
import { terms } from './taxonomy';

export const adoptionStages = terms([
  { value: 'exploring', label: 'Exploring', description: 'Reading it, talking to the team that wrote it, deciding whether it fits.' },
  { value: 'piloting', label: 'Piloting', description: 'Trying it in one place before deciding whether to go further.' },
  { value: 'live', label: 'Live', description: 'In use as part of normal work.' },
  { value: 'abandoned', label: 'Abandoned', description: 'Tried or considered, then stopped. Saying why helps the next organisation.' },
]);

export type AdoptionStage = (typeof adoptionStages)[number]['value'];
