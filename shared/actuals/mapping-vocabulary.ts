// What the billing mapping step on screen needs (spec §9.1): the shapes, their
// fields, the presets' headers and the options, without the readers (read-xlsx
// reaches ExcelJS): the page may import this, the workers import actuals/index.
export { defaultOptions, INTERVALS, LINE_KINDS, SHAPE_FIELDS, SHAPES, type ConvertOptions, type Mapping, type Shape } from './shapes/mapping';
export { FIELD_HEADERS, PRESETS, type Preset } from './shapes/presets';
