// The parts of Vite the plugin touches, typed by their shape: the package's types import nothing from `vite`, so
// `import … from 'react-connect-hub/dev'` type-checks in apps without it (Next.js), and any Vite whose objects have
// these members fits. test/unit/dev/vite-types.test-d.ts holds Vite's own types against them.

/** What the plugin reads of Vite's resolved config. */
export interface ViteConfigLike {
  /** `'serve'` for `vite`, Vitest and middleware mode; `'build'` for `vite build`. */
  command: 'build' | 'serve'
  mode: string
  /** The env variables Vite exposes to client code (`VITE_…`, from the environment and `.env` files). */
  env: Record<string, unknown>
  plugins: readonly { name: string }[]
  logger: ViteLoggerLike
  server: {
    host?: string | boolean | undefined
    https?: unknown
    origin?: string | undefined
    allowedHosts: string[] | true
    middlewareMode: unknown
    hmr?: unknown
    ws?: unknown
  }
}

export interface ViteLoggerLike {
  info(message: string, options?: { timestamp?: boolean }): void
  warn(message: string, options?: { timestamp?: boolean }): void
  error(message: string, options?: { timestamp?: boolean }): void
}

/** A listening socket of the server (Node's `http.Server` and its HTTPS/HTTP2 kin). */
export interface SocketLike {
  address(): { port: number } | string | null
}

/** What the plugin uses of Vite's dev server (`ViteDevServer`). */
export interface ViteDevServerLike {
  config: ViteConfigLike
  /** Connect's stack: the plugin puts its routes first. */
  middlewares: { stack: { route: string; handle: unknown }[] }
  httpServer: SocketLike | null
  resolvedUrls: { local: string[]; network: string[] } | null
  listen(port?: number, isRestart?: boolean): Promise<ViteDevServerLike>
  printUrls(): void
  close(): Promise<void>
}

/** The context Rollup/Rolldown give build hooks: the plugin only reports errors through it. */
export interface BuildContextLike {
  error(message: string): never
  getModuleInfo(id: string): { importers: readonly string[] } | null
}

/** A chunk or asset of the bundle being written. */
export type BundleItemLike = { type: 'chunk'; code: string } | { type: 'asset' }
