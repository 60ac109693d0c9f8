/// <reference lib="webworker" />
/**
 * The Web Worker that trains the book's live widgets. It owns one TrainingSession and speaks the protocol of
 * lib/training/protocol.ts with the page; it finds a widget's task through the generated registry, so neither it nor
 * the session names a widget.
 */
import type { Refusal } from '../ml/backends';
import type { Event, Request } from '../training/protocol';
import { TrainingSession } from '../training/session';
import { loadLiveWidget } from './live';

const scope = self as unknown as {
  postMessage(message: Event, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<{ known?: Refusal[] } | Request>) => void) | null;
};

let session: TrainingSession | null = null;

scope.onmessage = (e) => {
  const data = e.data;
  if (!session) {
    // The first message says what the page already knows (e.g. no navigator.gpu in the page).
    const known = 'known' in data && Array.isArray(data.known) ? data.known : [];
    session = new TrainingSession(loadLiveWidget, (event, transfer) => scope.postMessage(event, transfer ?? []), false, known);
    if ('known' in data) return;
  }
  void session.handle(data as Request);
};
