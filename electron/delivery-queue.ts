// Messages for the page (files from the OS, menu commands chosen while no
// window was open) wait here until the page has loaded: anything sent to a
// WebContents before that is lost. The preload buffers once more until the
// renderer subscribes.
export class DeliveryQueue<T> {
  private pending: T[] = [];
  private deliver: ((item: T) => void) | null = null;

  push(item: T): void {
    if (this.deliver) this.deliver(item);
    else this.pending.push(item);
  }

  /** The page is ready: flush in order and deliver directly from now on; null when the window goes away. */
  attach(deliver: ((item: T) => void) | null): void {
    this.deliver = deliver;
    if (!deliver) return;
    for (const item of this.pending.splice(0)) deliver(item);
  }
}
