// The mapping step: before a file is imported, which of its columns holds each
// field. Used by the Accounts and Pipeline sheets and by billing exports.
//
// API
//   <MappingStep
//     title="Map the columns of accounts.csv"
//     headers={file header}            rows={first rows, text cells}   totalRows?={rows in the file}
//     fields={MappingField[]}          initial?={a saved ColumnChoice; else suggested}
//     suggest?={(field) => header}     a caller's own suggestion rule, tried first (e.g. billing presets)
//     check?={(choice) => MappingProblem[]}   problems of the extra options (each names its field)
//     errors?={string[]}               what the import said after Confirm (line and column), shown under the preview
//     busy?                            the import is running: Confirm disabled
//     confirmLabel?="Import"
//     onChange?={(choice) => void}     each change of a column
//     onConfirm={(choice) => void}     only when no problem is left
//     onCancel={() => void}            Cancel or Escape
//   >
//     {(choice) => extra options or preview}   an optional slot under the fields (e.g. the stage names map)
//   </MappingStep>
//
// Each field is a <select> labelled with the field's label, so tests and screen
// readers find it by name; the preview is a table labelled "Preview". Each
// field says whether its column was suggested or chosen. Confirm with a
// problem lists the problems (role alert), each naming its field, and marks
// the field's select invalid; nothing is imported.
import { useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { mappingProblems, previewRows, suggestColumns, type ColumnChoice, type MappingField, type MappingProblem } from './mapping-model';
import './mapping.css';

export interface MappingStepProps {
  title: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  totalRows?: number;
  fields: readonly MappingField[];
  initial?: ColumnChoice;
  suggest?: (field: MappingField) => string | undefined;
  check?: (choice: ColumnChoice) => MappingProblem[];
  errors?: readonly string[];
  busy?: boolean;
  confirmLabel?: string;
  previewCount?: number;
  onChange?: (choice: ColumnChoice) => void;
  onConfirm: (choice: ColumnChoice) => void;
  onCancel: () => void;
  children?: (choice: ColumnChoice) => ReactNode;
}

const NONE = '';

export function MappingStep(props: MappingStepProps) {
  const { title, headers, rows, fields, busy = false } = props;
  const uid = useId();
  const suggested = useMemo(() => suggestColumns(headers, fields, props.suggest), [headers, fields, props.suggest]);
  const [choice, setChoice] = useState<ColumnChoice>(() => ({ ...suggested, ...props.initial }));
  const [tried, setTried] = useState(false);
  const problems = useMemo(() => [...mappingProblems(headers, fields, choice), ...(props.check?.(choice) ?? [])], [headers, fields, choice, props.check]);
  const shown = tried ? problems : [];
  const problemOf = (id: string) => shown.find((p) => p.field === id);
  const preview = previewRows(headers, rows, fields, choice, props.previewCount ?? 5);

  const change = (id: string, value: string) => {
    const next = { ...choice, [id]: value === NONE ? null : value };
    setChoice(next);
    props.onChange?.(next);
  };
  const confirm = () => {
    setTried(true);
    if (problems.length === 0) props.onConfirm(choice);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') { e.preventDefault(); props.onCancel(); }
  };
  const sample = (h: string | null) => {
    if (h === null) return '';
    const i = headers.indexOf(h);
    const v = rows.find((r) => (r[i] ?? '').trim() !== '')?.[i]?.trim();
    return v === undefined ? 'empty in the first rows' : `e.g. ${v}`;
  };

  return (
    <form className="mapping-step" aria-label={title} onKeyDown={onKeyDown} onSubmit={(e) => { e.preventDefault(); confirm(); }}>
      <h3 className="mapping-title">{title}</h3>
      <p className="mapping-note">
        {headers.filter((h) => h.trim() !== '').length} columns{props.totalRows !== undefined ? `, ${props.totalRows.toLocaleString('en-US')} rows` : ''}. Each field shows the column it is read from; change any of them. Fields marked * are required.
      </p>
      <div className="mapping-fields" role="group" aria-label="Columns">
        {fields.map((f) => {
          const h = choice[f.id] ?? null;
          const p = problemOf(f.id);
          const selectId = `${uid}-${f.id}`;
          const how = h === null ? (f.required ? 'not found: choose one' : 'not in the file') : h === suggested[f.id] ? 'suggested' : 'chosen';
          return (
            <div key={f.id} className={`mapping-field${p ? ' mapping-field-bad' : ''}`} data-field={f.id}>
              <label htmlFor={selectId} className="mapping-label">{f.label}{f.required ? ' *' : ''}</label>
              <select
                id={selectId}
                value={h ?? NONE}
                aria-invalid={p ? true : undefined}
                aria-describedby={`${selectId}-how${p ? ` ${selectId}-problem` : ''}`}
                onChange={(e) => change(f.id, e.target.value)}
              >
                <option value={NONE}>— none —</option>
                {headers.map((x, i) => (x.trim() === '' ? null : <option key={i} value={x}>{x}</option>))}
              </select>
              <span id={`${selectId}-how`} className={`mapping-how mapping-how-${how.split(':')[0]!.replace(/\s+/g, '-')}`}>{how}{h !== null ? ` · ${sample(h)}` : ''}</span>
              {f.hint ? <span className="mapping-hint">{f.hint}</span> : null}
              {p ? <span id={`${selectId}-problem`} className="mapping-problem">{p.message}</span> : null}
            </div>
          );
        })}
      </div>
      {props.children ? <div className="mapping-extra">{props.children(choice)}</div> : null}
      <div className="mapping-preview-wrap">
        <table className="mapping-preview" aria-label="Preview">
          <caption>The first {preview.length} rows as they will be read</caption>
          <thead><tr>{fields.map((f) => <th key={f.id} scope="col">{f.label}</th>)}</tr></thead>
          <tbody>{preview.map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>)}</tbody>
        </table>
      </div>
      {shown.length > 0 ? (
        <ul className="mapping-problems" role="alert" aria-label="Mapping problems">
          {shown.map((p, i) => <li key={i}>{p.message}</li>)}
        </ul>
      ) : null}
      {props.errors && props.errors.length > 0 ? (
        <ul className="mapping-problems" role="alert" aria-label="Import problems">
          {props.errors.map((e, i) => <li key={i}>{e}</li>)}
        </ul>
      ) : null}
      <div className="mapping-buttons">
        <button type="button" className="btn" onClick={props.onCancel}>Cancel</button>
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Importing…' : (props.confirmLabel ?? 'Import')}</button>
      </div>
    </form>
  );
}
