type TypedArray = Uint8Array | Int16Array | Int32Array | Float64Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

/** A typed array that grows as values are pushed; `view()` is the filled part. */
export class GrowableArray<T extends TypedArray> {
  data: T;
  length = 0;

  constructor(private readonly make: TypedArrayConstructor<T>, capacity = 1024) {
    this.data = new make(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Makes room for `extra` more values; returns the index where they start. */
  reserve(extra: number): number {
    if (this.length + extra > this.data.length) this.grow(this.length + extra);
    const start = this.length;
    this.length += extra;
    return start;
  }

  appendBytes(source: Uint8Array, start: number, end: number): void {
    const at = this.reserve(end - start);
    (this.data as Uint8Array).set(source.subarray(start, end), at);
  }

  /** The filled part, a view on a buffer of its own (transferable to another thread; the builder is done with it). */
  take(): T {
    return this.data.subarray(0, this.length) as T;
  }

  private grow(minimum: number): void {
    let capacity = Math.max(16, this.data.length * 2);
    while (capacity < minimum) capacity *= 2;
    const next = new this.make(capacity);
    next.set(this.data as never);
    this.data = next;
  }
}
