import weightsFile from './coach-weights.json' with { type: 'json' };
import { type LearnedModel, loadModel, type WeightsJson } from './model.js';

// The JSON is typed by its contents; its shape is the trainer's WeightsJson.
let shipped: LearnedModel | undefined;

/** The model that `npm run train:coach` wrote beside this file, decoded on first use and kept for the process. */
export function shippedModel(): LearnedModel {
  shipped ??= loadModel(weightsFile as unknown as WeightsJson);
  return shipped;
}
