export function Placeholder({ title }: { title: string }) {
  return (
    <div className="sheet placeholder">
      <p><strong>{title}</strong> is not part of this build yet.</p>
      <p>It arrives with its own issue and registers itself here (see renderer/src/sheets/registry.ts).</p>
    </div>
  );
}
