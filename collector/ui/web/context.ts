// What every page of the UI shares: the API, who is signed in, the alert board, the
// collector's clock and a way to tell the user about a failed action.
import type { AlertBoard } from './alert-board.js';
import type { ApiClient } from './api-client.js';
import type { Session, StreamMessage } from './api-types.js';

export interface AppContext {
  readonly api: ApiClient;
  readonly session: Session;
  readonly board: AlertBoard;
  /** Now on the collector's clock (the browser's clock may be off). */
  now(): number;
  /** A short message in the toast area; `error` ones stay longer. */
  notify(message: string, kind?: 'info' | 'error'): void;
  /** Asks the shell to show another page. */
  go(hash: string): void;
}

export interface View {
  readonly root: HTMLElement;
  /** Called after the view is on the page, and again every second (for clocks and progress). */
  tick?(): void;
  onStream(m: StreamMessage): void;
  /** Timers and requests stop here. */
  dispose(): void;
}

export const canOperate = (ctx: AppContext): boolean => ctx.session.role === 'operator';

/** Runs an operator action, reporting a failure with the collector's message. */
export async function act(ctx: AppContext, what: string, run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    ctx.notify(what);
    return true;
  } catch (err) {
    ctx.notify(`${what} failed: ${(err as Error).message}`, 'error');
    return false;
  }
}

/**
 * Wraps a reload so that at most one runs at a time and calls during it collapse into one more
 * run afterwards: a burst of stream messages costs two requests, and answers cannot arrive out
 * of order.
 */
export function coalesced(run: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const go = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void run().finally(() => {
      running = false;
      if (again) {
        again = false;
        go();
      }
    });
  };
  return go;
}

/** Attributes of an operator-only control: disabled, with the reason, for viewers. */
export function operatorOnly(ctx: AppContext): Record<string, string | boolean> {
  return canOperate(ctx) ? {} : { disabled: true, title: `needs the operator role; ${ctx.session.name} is a viewer` };
}
