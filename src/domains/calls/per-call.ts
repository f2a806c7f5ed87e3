/**
 * Values kept per call, by project and then by the PBX's call id. Nested maps rather than one map keyed by
 * "project + call id": a routed call is looked up several times on the PBX's hot path, and a joined key would be
 * built, flattened and hashed for every lookup. Each project's entries keep their insertion order (oldest first).
 */
export class PerCall<T> {
  private readonly projects = new Map<string, Map<string, T>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(projectId: string, callId: string): T | undefined {
    return this.projects.get(projectId)?.get(callId);
  }

  has(projectId: string, callId: string): boolean {
    return this.projects.get(projectId)?.has(callId) ?? false;
  }

  set(projectId: string, callId: string, value: T): void {
    let project = this.projects.get(projectId);
    if (!project) this.projects.set(projectId, (project = new Map()));
    const before = project.size;
    project.set(callId, value);
    this.count += project.size - before;
  }

  delete(projectId: string, callId: string): boolean {
    const project = this.projects.get(projectId);
    if (!project?.delete(callId)) return false;
    this.count--;
    if (!project.size) this.projects.delete(projectId);
    return true;
  }

  /** One project's values, oldest first. */
  of(projectId: string): Iterable<T> {
    return this.projects.get(projectId)?.values() ?? [];
  }

  /** Every value, each project's oldest first. */
  all(): T[] {
    return [...this.projects.values()].flatMap((project) => [...project.values()]);
  }

  /**
   * Removes each project's oldest entries while `leaves` holds for them (oldest first, so the first that stays
   * ends the project's walk), at most `most(projectSize)` per project; appends the removed values to `taken`.
   */
  takeOldest(leaves: (value: T) => boolean, most: (projectSize: number) => number = () => Infinity, taken: T[] = []): T[] {
    for (const [projectId, project] of [...this.projects]) {
      let n = most(project.size);
      for (const [callId, value] of project) {
        if (n-- <= 0 || !leaves(value)) break;
        project.delete(callId);
        this.count--;
        taken.push(value);
      }
      if (!project.size) this.projects.delete(projectId);
    }
    return taken;
  }
}
