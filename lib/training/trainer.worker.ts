/// <reference lib="webworker" />
/**
 * The Web Worker that trains the book's live models. It owns a TrainingSession and speaks the protocol of
 * ./protocol.ts with the page; the page never blocks on training.
 */
import type { Refusal } from '../ml/backends';
import type { Event, Request } from './protocol';
import { TrainingSession } from './session';

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
    session = new TrainingSession((event, transfer) => scope.postMessage(event, transfer ?? []), false, known);
    if ('known' in data) return;
  }
  void session.handle(data as Request);
};
