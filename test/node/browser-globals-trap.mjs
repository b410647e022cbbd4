// Preloaded (node --import) before an entry of the built package is imported, as a server would import it: window,
// document and navigator become getters that throw when code of the package's dist/ reads them — even through
// `typeof` — and look absent to everything else (React and other dependencies probe them on their own).
const OURS = /\/dist\/[^/]+\.js|\/dist\/chunks\//

for (const name of ['window', 'document', 'navigator']) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      const caller = new Error().stack
        ?.split('\n')
        .slice(2)
        .find((line) => !line.includes('browser-globals-trap'))
      if (caller && OURS.test(caller) && !caller.includes('/node_modules/')) {
        throw new Error(`react-connect-hub: ${name} was read at import, from ${caller.trim()}`)
      }
      return undefined
    },
  })
}
