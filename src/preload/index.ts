// The bridge between the sandboxed renderer and the main process: it will expose exactly the contract's
// methods on window.api (src/shared/contract.ts, with the review app). Nothing else.
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('api', Object.freeze({ version: '0.1.0' }));
