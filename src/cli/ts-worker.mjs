// Worker threads do not inherit the main thread's module hooks: register tsx, then load the real worker.
import { register } from 'tsx/esm/api'
import { workerData } from 'node:worker_threads'

register()
await import(workerData.entry)
