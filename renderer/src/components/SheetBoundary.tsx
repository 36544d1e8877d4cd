// One sheet failing (a registered sheet that does not load, a render error)
// shows its error in its tab; the rest of the workbook keeps working.
import { Component, Suspense, type ReactNode } from 'react';

export class SheetBoundary extends Component<{ title: string; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) { return { error }; }
  override render() {
    if (this.state.error) {
      return (
        <div className="sheet placeholder" role="alert">
          <p><strong>{this.props.title}</strong> could not be shown.</p>
          <p>{this.state.error.message}</p>
        </div>
      );
    }
    return <Suspense fallback={<div className="sheet placeholder">Loading {this.props.title}…</div>}>{this.props.children}</Suspense>;
  }
}
