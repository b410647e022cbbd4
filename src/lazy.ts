/** Lazily loaded code: imported once, on first `load()`, then at hand synchronously through `get()`. */
export interface Lazy<M> {
  load(): Promise<M>
  /** The module, once loaded. */
  get(): M | undefined
}

/** Wraps a dynamic import: loaded once and kept; a failed load is tried again on the next `load()`. */
export function lazy<M>(importer: () => Promise<M>): Lazy<M> {
  let loaded: M | undefined
  let loading: Promise<M> | undefined
  return {
    load: () =>
      (loading ??= importer().then(
        (module) => (loaded = module),
        (error: unknown) => {
          loading = undefined
          throw error
        },
      )),
    get: () => loaded,
  }
}
