import type { Plugin } from 'vite'

/** The env variable that moves each of the demo's servers, by the option (or Vite setting) that holds its port. */
const ENV = { port: 'HOST_PORT', hubPort: 'HUB_PORT', apiPort: 'API_PORT', providerPort: 'PROVIDER_PORT' } as const

/** A port from the environment, else `fallback`. */
export function port(name: (typeof ENV)[keyof typeof ENV], fallback: number): number {
  const value = process.env[name]
  if (value === undefined || value === '') return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0 || number > 65535)
    throw new Error(`demo: ${name} must be a port number, not ${JSON.stringify(value)}`)
  return number
}

/** Which env variable would have moved the port a start failed on, if it failed on one. */
function envFor(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined
  const option = (error as { option?: unknown }).option
  if (option === 'hubPort' || option === 'apiPort' || option === 'providerPort') return ENV[option]
  // Vite's own, with strictPort: "Port 5173 is already in use".
  return /^Port \d+ is already in use/.test(error.message) ? ENV.port : undefined
}

/**
 * Says which env variable moves a taken port: the demo sets its ports from HOST_PORT, HUB_PORT, API_PORT and
 * PROVIDER_PORT, which the messages of Vite and connectHubDev() (naming `port`, `hubPort`, `apiPort`, `providerPort`)
 * cannot know.
 */
export function portHints(): Plugin {
  return {
    name: 'demo:port-hints',
    configureServer(server) {
      const listen = server.listen.bind(server)
      server.listen = (...args) =>
        listen(...args).catch((error: unknown) => {
          const name = envFor(error)
          if (name && error instanceof Error)
            error.message += `\n  In the demo, choose another one: ${name}=<port> npm run dev (0 picks a free one).`
          throw error
        })
    },
  }
}
