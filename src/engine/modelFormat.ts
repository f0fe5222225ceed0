/** The model file's format: its name and version, and the width under which a list goes on one line (model.ts writes it, modelSize.ts measures it). */
export const MODEL_FORMAT = 'shallow-net-model';
export const MODEL_VERSION = 1;
/** Objects and lists shorter than this go on one line of the model file. */
export const INLINE_WIDTH = 100;
