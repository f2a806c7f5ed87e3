import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** One project event as the server pushes it over the WebSocket. */
export interface LiveEvent<P = Record<string, unknown>> {
  id?: string;
  type: string;
  projectId: string;
  at?: string;
  payload?: P;
}

export type LiveStatus = 'connecting' | 'open' | 'closed';
type Handler = (event: LiveEvent) => void;

interface Live {
  status: LiveStatus;
  subscribe: (handler: Handler) => () => void;
}

const LiveContext = createContext<Live | null>(null);

/** Delay before the n-th reconnect attempt: doubles from 0.5 s up to 15 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(15_000, 500 * 2 ** attempt);
}

function parseEvent(data: unknown): LiveEvent | undefined {
  try {
    const value = JSON.parse(String(data)) as LiveEvent;
    return typeof value?.type === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function socketUrl(projectId: string): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${location.host}/api/projects/${projectId}/events`;
}

/**
 * One WebSocket per tab for the current project (the session cookie authenticates it). Features
 * subscribe with `useLiveEvent`; the socket reconnects on its own after a drop.
 */
export function LiveProvider({ projectId, children }: { projectId: string; children: ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handlers = useRef(new Set<Handler>());

  useEffect(() => {
    let socket: WebSocket | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;
    const connect = () => {
      setStatus('connecting');
      socket = new WebSocket(socketUrl(projectId));
      socket.onopen = () => { attempt = 0; setStatus('open'); };
      socket.onmessage = (msg) => {
        const event = parseEvent(msg.data);
        if (event) for (const h of handlers.current) h(event);
      };
      socket.onclose = () => {
        setStatus('closed');
        if (!stopped) timer = setTimeout(connect, reconnectDelay(attempt++));
      };
    };
    connect();
    return () => { stopped = true; clearTimeout(timer); socket?.close(); };
  }, [projectId]);

  const subscribe = useCallback((handler: Handler) => {
    handlers.current.add(handler);
    return () => { handlers.current.delete(handler); };
  }, []);
  const value = useMemo(() => ({ status, subscribe }), [status, subscribe]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLiveStatus(): LiveStatus {
  return useContext(LiveContext)?.status ?? 'closed';
}

/** Calls `handler` for every live event of `type` (or of every type with '*') while mounted. */
export function useLiveEvent<P = Record<string, unknown>>(type: string, handler: (event: LiveEvent<P>) => void): void {
  const live = useContext(LiveContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!live) return undefined;
    return live.subscribe((e) => { if (type === '*' || e.type === type) latest.current(e as LiveEvent<P>); });
  }, [live, type]);
}
