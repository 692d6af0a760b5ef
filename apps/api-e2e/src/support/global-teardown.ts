import type { ApiServer } from './api-server';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __apiServer?: ApiServer }).__apiServer?.stop();
}
