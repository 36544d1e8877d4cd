// Reading and writing one input by its canonical key: the grammar lives in
// shared/document/keys.ts; the model's modules reach it through here.
export { getInput, keyPath, laneFieldKey, setInput } from '../document/keys';
