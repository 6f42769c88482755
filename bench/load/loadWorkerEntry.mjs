// Worker threads do not get the main thread's `--import tsx` hooks on Node 20: register them
// here, then load the TypeScript worker.
import { register } from 'tsx/esm/api'

register()
await import('./loadWorker.ts')
