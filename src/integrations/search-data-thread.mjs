// The search-data worker's thread entry (./search-data.ts): plain JavaScript that loads the
// worker's TypeScript as the config loads the integrations (./typescript-hooks.mjs). Through tsx,
// as before, starting it took 0.38-0.51 s of CPU; with these hooks 0.22-0.27 s (the process's CPU
// while a worker started with no content, three starts each).
import { importTypeScript } from './typescript-hooks.mjs';

await importTypeScript(['./integrations/search-data-worker.ts']);
