type Send = (text: string) => void;

/**
 * A private push channel to one person's open sockets in this process. Unlike bus events, what
 * goes through here is never published, stored, forwarded to other processes or sent to webhooks:
 * it exists for data that must reach only one agent's screen (the caller card, R-43).
 */
export class UserChannel {
  private readonly sockets = new Map<string, Set<Send>>();

  /** Registers an open socket; returns the function that removes it. */
  attach(projectId: string, userId: string, send: Send): () => void {
    const key = `${projectId} ${userId}`;
    let set = this.sockets.get(key);
    if (!set) this.sockets.set(key, (set = new Set()));
    set.add(send);
    return () => {
      set.delete(send);
      if (!set.size && this.sockets.get(key) === set) this.sockets.delete(key);
    };
  }

  /** Whether the person has a socket open here now (the card is not built for nobody's screen). */
  connected(projectId: string, userId: string): boolean {
    return this.sockets.has(`${projectId} ${userId}`);
  }

  /** Sends one message to every socket the person has open here; returns how many got it. */
  send(projectId: string, userId: string, message: object): number {
    const set = this.sockets.get(`${projectId} ${userId}`);
    if (!set) return 0;
    const text = JSON.stringify(message);
    for (const send of set) send(text);
    return set.size;
  }
}
