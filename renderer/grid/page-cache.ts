/** A few pages of a result kept in memory, the least recently used one dropped first. */
export class PageCache<T> {
  private readonly pages = new Map<number, T>();

  constructor(private readonly capacity: number) {}

  get(index: number): T | undefined {
    const page = this.pages.get(index);
    if (page !== undefined) {
      // Map keeps insertion order: re-inserting marks the page as the most recently used.
      this.pages.delete(index);
      this.pages.set(index, page);
    }
    return page;
  }

  set(index: number, page: T): void {
    this.pages.delete(index);
    this.pages.set(index, page);
    while (this.pages.size > this.capacity) {
      const oldest = this.pages.keys().next().value as number;
      this.pages.delete(oldest);
    }
  }

  has(index: number): boolean { return this.pages.has(index); }

  keys(): number[] { return [...this.pages.keys()]; }

  clear(): void { this.pages.clear(); }
}
