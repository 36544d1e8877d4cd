import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  isAllowedRequest,
  isAppUrl,
  type PreventableEvent,
  type SessionLike,
  type WebContentsLike,
} from '../../electron/security';

describe('isAppUrl', () => {
  it.each(['app://bowtie/', 'app://bowtie/index.html', 'app://bowtie/assets/index-abc.js'])('trusts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });
  it.each([
    'https://bowtie/', 'http://localhost:5173/', 'file:///Users/ana/index.html', 'app://bowtie.evil.com/',
    'app://evil/', 'app://bowtie@evil/', 'app://user:pw@bowtie/', 'app:bowtie', 'bowtie', '', 'javascript:alert(1)',
    'data:text/html,<script>', 'about:blank', 'devtools://devtools/',
  ])('does not trust %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('network requests', () => {
  it('allows only our own files and page-made data/blob URLs', () => {
    expect(isAllowedRequest('app://bowtie/assets/a.js')).toBe(true);
    expect(isAllowedRequest('blob:app://bowtie/1234')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    for (const url of ['https://cdn.example.com/x.js', 'http://127.0.0.1:5173/', 'file:///etc/passwd', 'ws://localhost/', 'ftp://x/']) {
      expect(isAllowedRequest(url)).toBe(false);
    }
  });
});

describe('the content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name!, values] as const;
  }));
  it('denies by default and allows scripts only from the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });
  it('connects only to itself (no remote content)', () => {
    expect(directives.get('connect-src')?.every((v) => ["'self'", 'data:', 'blob:'].includes(v))).toBe(true);
  });
});

function fakeContents() {
  const listeners = new Map<string, (event: PreventableEvent, arg?: unknown) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: WebContentsLike = {
    on: (event: string, listener: (event: PreventableEvent, arg?: unknown) => void) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => { openHandler = handler; },
  };
  const fire = (name: string, arg?: unknown) => {
    const event = { preventDefault: vi.fn() };
    listeners.get(name)?.(event, arg);
    return event.preventDefault;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('hardenWebContents', () => {
  it('denies navigation, redirects, frame navigation and <webview>, and logs each', () => {
    const { contents, fire } = fakeContents();
    const log = vi.fn();
    hardenWebContents(contents, log);
    expect(fire('will-navigate', 'https://evil.example/')).toHaveBeenCalled();
    expect(fire('will-navigate', 'app://bowtie/other.html')).toHaveBeenCalled();
    expect(fire('will-redirect', 'https://evil.example/')).toHaveBeenCalled();
    expect(fire('will-frame-navigate', { url: 'https://evil.example/' })).toHaveBeenCalled();
    expect(fire('will-attach-webview')).toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('denied navigation to "https://evil.example/"');
  });

  it('denies every window.open', () => {
    const { contents, open } = fakeContents();
    hardenWebContents(contents, () => undefined);
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('app://bowtie/index.html')).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const s = {
      request: null as null | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void),
      check: null as null | ((wc: unknown, permission: string) => boolean),
      device: null as null | (() => boolean),
      before: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    };
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => { s.request = h; },
      setPermissionCheckHandler: (h) => { s.check = h; },
      setDevicePermissionHandler: (h) => { s.device = h; },
      webRequest: { onBeforeRequest: (l) => { s.before = l; } },
    };
    return { session, s };
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'])('denies the %s permission', (permission) => {
    const { session, s } = fakeSession();
    hardenSession(session, () => undefined);
    const granted = vi.fn();
    s.request!({}, permission, granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(s.check!({}, permission)).toBe(false);
    expect(s.device!()).toBe(false);
  });

  it('cancels remote requests and lets our own files through', () => {
    const { session, s } = fakeSession();
    hardenSession(session, () => undefined);
    const answer = (url: string) => {
      let cancel: boolean | undefined;
      s.before!({ url }, (r) => { cancel = r.cancel; });
      return cancel;
    };
    expect(answer('https://tracker.example/pixel.gif')).toBe(true);
    expect(answer('file:///etc/hosts')).toBe(true);
    expect(answer('app://bowtie/assets/index.js')).toBe(false);
  });
});
