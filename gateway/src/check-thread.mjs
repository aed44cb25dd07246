// The check pool's thread entry (./checks.ts). Worker threads do not share the parent's module
// loader hooks when it runs under vitest, so this plain JavaScript file loads the TypeScript
// through tsx's API (https://tsx.is/dev-api/ts-import) in every case.
import { tsImport } from 'tsx/esm/api';

const { checkTask } = await tsImport('./check-thread.ts', import.meta.url);
export default checkTask;
