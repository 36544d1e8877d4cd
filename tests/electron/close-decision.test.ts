import { describe, expect, it, vi } from 'vitest';
import { choiceFromResponse, closePrompt, whenCloseRequested } from '../../electron/close-decision';
import { windowTitle } from '../../electron/title';
import { createDocumentController, type CloseEventLike, type DocumentWindowLike } from '../../electron/window';

describe('the unsaved-changes decision', () => {
  it('asks only when the document is dirty and the close was not already confirmed', () => {
    expect(whenCloseRequested({ dirty: false, confirmed: false })).toBe('close');
    expect(whenCloseRequested({ dirty: true, confirmed: false })).toBe('ask');
    expect(whenCloseRequested({ dirty: true, confirmed: true })).toBe('close');
  });

  it('the prompt offers Save / Don’t Save / Cancel, names the document, Esc cancels', () => {
    const prompt = closePrompt('Q3 plan.xlsx');
    expect(prompt.buttons).toEqual(['Save', 'Don’t Save', 'Cancel']);
    expect(prompt.message).toContain('“Q3 plan.xlsx”');
    expect(prompt.cancelId).toBe(2);
    expect(prompt.defaultId).toBe(0);
    expect([0, 1, 2, -1, 7].map(choiceFromResponse)).toEqual(['save', 'discard', 'cancel', 'cancel', 'cancel']);
  });
});

describe('the window title', () => {
  it('shows the file name and an unsaved marker by platform convention', () => {
    expect(windowTitle({ name: 'Q3.xlsx', dirty: true }, 'win32')).toBe('● Q3.xlsx — Bowtie');
    expect(windowTitle({ name: 'Q3.xlsx', dirty: false }, 'linux')).toBe('Q3.xlsx — Bowtie');
    expect(windowTitle({ name: 'Q3.xlsx', dirty: true }, 'darwin')).toBe('Q3.xlsx — Edited');
    expect(windowTitle({ name: 'Q3.xlsx', dirty: false }, 'darwin')).toBe('Q3.xlsx');
  });
});

/** A window that records what happened to it; `close()` re-emits 'close' like Electron. */
function fakeWindow() {
  let listener: ((event: CloseEventLike) => void) | null = null;
  const win = {
    title: '',
    edited: false,
    closed: false,
    on: (_event: 'close', l: (event: CloseEventLike) => void) => { listener = l; },
    setTitle(title: string) { this.title = title; },
    setDocumentEdited(edited: boolean) { this.edited = edited; },
    close() {
      let prevented = false;
      listener?.({ preventDefault: () => { prevented = true; } });
      if (!prevented) this.closed = true;
    },
    isDestroyed() { return this.closed; },
  };
  return win satisfies DocumentWindowLike;
}

/** Lets every callback already queued run (a macrotask turn); no clock involved. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup(answer: number | Error, discard: () => Promise<void> = async () => undefined) {
  const win = fakeWindow();
  const deps = {
    win,
    platform: 'win32' as const,
    ask: vi.fn(async () => { if (answer instanceof Error) throw answer; return answer; }),
    requestSave: vi.fn(),
    onDiscard: vi.fn(discard),
    onCancelled: vi.fn(),
    log: vi.fn(),
  };
  const doc = createDocumentController(deps);
  return { win, doc, deps };
}

describe('closing a window', () => {
  it('a prompt that fails keeps the window and the document open, and says why in the log', async () => {
    const { win, doc, deps } = setup(new Error('no display'));
    doc.setState({ name: 'Q3.xlsx', dirty: true });
    win.close();
    await flush();
    expect(win.closed).toBe(false);
    expect(deps.onCancelled).toHaveBeenCalledOnce();
    expect(deps.log).toHaveBeenCalledWith(expect.stringMatching(/prompt failed; keeping the window open/), expect.objectContaining({ message: 'no display' }));
  });

  it('Don’t Save closes even if the recovery copy cannot be removed, and logs that', async () => {
    const { win, doc, deps } = setup(1, async () => { throw new Error('EBUSY'); });
    doc.setState({ name: 'Q3.xlsx', dirty: true });
    win.close();
    await flush();
    await flush();
    expect(win.closed).toBe(true);
    expect(deps.log).toHaveBeenCalledWith(expect.stringMatching(/recovery copy could not be removed/), expect.any(Error));
  });

  it('a clean document closes without asking', () => {
    const { win, deps } = setup(2);
    win.close();
    expect(win.closed).toBe(true);
    expect(deps.ask).not.toHaveBeenCalled();
  });

  it('the title follows setDocumentState', () => {
    const { win, doc } = setup(2);
    doc.setState({ name: 'Q3.xlsx', dirty: true });
    expect(win.title).toBe('● Q3.xlsx — Bowtie');
    expect(win.edited).toBe(true);
  });

  it('Cancel keeps the window and the dirty document open, and abandons a quit', async () => {
    const { win, doc, deps } = setup(2);
    doc.setState({ name: 'Q3.xlsx', dirty: true });
    win.close();
    await flush();
    expect(win.closed).toBe(false);
    expect(doc.state.dirty).toBe(true);
    expect(deps.onCancelled).toHaveBeenCalledOnce();
  });

  it('Don’t Save drops the recovery copy and closes', async () => {
    const { win, doc, deps } = setup(1);
    doc.setState({ name: 'Q3.xlsx', dirty: true });
    win.close();
    await flush();
    expect(deps.onDiscard).toHaveBeenCalledOnce();
    expect(win.closed).toBe(true);
  });

  it('Save asks the renderer to save and closes only when it confirms', async () => {
    const { win, doc, deps } = setup(0);
    doc.setState({ name: 'Q3.xlsx', dirty: true });
    win.close();
    await flush();
    expect(deps.requestSave).toHaveBeenCalledOnce();
    expect(win.closed).toBe(false); // e.g. the save failed on a full disk: still open
    doc.setState({ name: 'Q3.xlsx', dirty: false });
    expect(doc.confirmClose()).toBe(true);
    expect(win.closed).toBe(true);
  });

  it('a failed save after Save abandons the close and the quit waiting on it; a later close asks again', async () => {
    const { win, doc, deps } = setup(0);
    doc.setState({ name: 'Q3.xlsx', dirty: true });
    win.close();
    await flush();
    expect(deps.requestSave).toHaveBeenCalledOnce();
    expect(doc.cancelClose()).toBe(true);
    expect(deps.onCancelled).toHaveBeenCalledOnce();
    expect(win.closed).toBe(false);
    expect(doc.confirmClose()).toBe(false); // nothing is waiting any more
    expect(doc.cancelClose()).toBe(false);
    win.close();
    await flush();
    expect(deps.requestSave).toHaveBeenCalledTimes(2);
  });

  it('the renderer cannot skip the prompt by confirming a close nobody asked for', () => {
    const { win, doc } = setup(0);
    doc.setState({ name: 'Q3.xlsx', dirty: true });
    expect(doc.confirmClose()).toBe(false);
    expect(win.closed).toBe(false);
  });

  it('a second close while the prompt is showing does not open a second prompt', async () => {
    const { win, doc, deps } = setup(2);
    doc.setState({ name: 'Q3.xlsx', dirty: true });
    win.close();
    win.close();
    await flush();
    expect(deps.ask).toHaveBeenCalledOnce();
  });
});
