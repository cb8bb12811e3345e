// One handler per operation of the spec, by family. TypeScript fails the build if an operation is missing.
import { accountsHandlers } from './accounts.js';
import { agentHandlers } from './agent.js';
import { audioHandlers } from './audio.js';
import { filesHandlers } from './files.js';
import { imagesHandlers } from './images.js';
import { llmHandlers } from './llm.js';
import { musicHandlers } from './music.js';
import { schedulerHandlers } from './scheduler.js';
import { speechHandlers } from './speech.js';
import { videosHandlers } from './videos.js';
import type { HandlerTable } from './types.js';

/** The handler of every operation. */
export const handlers: HandlerTable = {
  ...accountsHandlers,
  ...videosHandlers,
  ...imagesHandlers,
  ...filesHandlers,
  ...schedulerHandlers,
  ...agentHandlers,
  ...musicHandlers,
  ...audioHandlers,
  ...speechHandlers,
  ...llmHandlers,
};
