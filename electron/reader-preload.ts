// The reader renderer's preload: it waits for the one MessagePort main hands
// over and passes it to the page (the reader bundle), which has no other way
// in or out. Nothing is exposed to the page; the reader never calls main.
import { ipcRenderer } from 'electron';
import { READER_PORT_MESSAGE } from '@shared/desktop-api';
import { READER_CHANNELS } from './reader-channels';

ipcRenderer.once(READER_CHANNELS.port, (event) => {
  const [port] = event.ports;
  if (port) window.postMessage(READER_PORT_MESSAGE, window.location.origin, [port]);
});
