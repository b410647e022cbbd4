// Size budgets, min+gzip, React external. The root entry loads the rest of the launcher with dynamic imports when
// a button mounts (the run with its dialog, the session schema, the token request, the looks with the button's words,
// the iframe hub), so the first check is what a page with a button loads before it is interactive; the second,
// everything a button with a hubUrl has loaded once mounted (one bundle, as a page that preloads it would get, with one
// language's words); the next ones are those lazily loaded chunks, which a click finds loaded.
const lazy = (config) => ({
  ...config,
  plugins: [
    ...(config.plugins ?? []),
    {
      name: 'lazy',
      setup: (build) => build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { external: true } : undefined)),
    },
  ],
})

// A button loads the words of one language: the others' chunks stay out of what it loads on mount.
const oneLanguage = (config) => ({
  ...config,
  plugins: [
    ...(config.plugins ?? []),
    {
      name: 'one-language',
      setup: (build) =>
        build.onResolve({ filter: /(^|\/)(fr|de|es|ja|ar)-[^/]*\.js$/ }, (args) =>
          args.kind === 'dynamic-import' ? { external: true } : undefined,
        ),
    },
  ],
})

export default [
  {
    name: 'react-connect-hub: everything in the root entry, loaded with the page',
    path: 'dist/index.js',
    import: '*',
    ignore: ['react', 'react-dom'],
    gzip: true,
    modifyEsbuildConfig: lazy,
    limit: '6 kB',
  },
  {
    name: 'what a button with a hubUrl loads when it mounts: the root entry, the run, the schema, the token request, the looks, English words, the iframe hub',
    path: 'dist/index.js',
    import: '*',
    ignore: ['react', 'react-dom'],
    gzip: true,
    modifyEsbuildConfig: oneLanguage,
    // 18.74 kB (21.47 kB before the session schema kept zod/mini for its object alone, each field a plain check with
    // zod's issues, and before the complete session and the wire format left the schema's chunk). zod/mini is ~4.6 kB
    // of it; the looks (with the appearance checks) and English words ~2 kB.
    limit: '19 kB',
  },
  {
    name: 'what a button loads when it mounts: the run, its dialog and the hub callbacks',
    path: 'dist/chunks/run-*.js',
    import: '*',
    gzip: true,
    limit: '5 kB',
  },
  {
    name: 'what a button loads when it mounts: the session schema (zod/mini included)',
    path: 'dist/chunks/schema-*.js',
    import: '*',
    gzip: true,
    limit: '10 kB',
  },
  {
    name: 'what a button loads when it mounts: the token request and its checks',
    path: 'dist/chunks/requestToken-*.js',
    import: '*',
    gzip: true,
    limit: '1.5 kB',
  },
  {
    name: "what a button loads when it mounts: its words' loader, the looks (appearance checks) and the error box",
    path: 'dist/chunks/look-*.js',
    import: '*',
    gzip: true,
    modifyEsbuildConfig: lazy,
    // The appearance checks (~0.6 kB) are a chunk shared with the iframe hub's: counted in both, loaded once.
    limit: '2 kB',
  },
  // Each language's words, a chunk of its own: a button loads the one it speaks when it mounts.
  ...['en', 'fr', 'de', 'es', 'ja', 'ar'].map((language) => ({
    name: `what a button speaking ${language} loads when it mounts: its words`,
    path: `dist/chunks/${language}-*.js`,
    import: '*',
    gzip: true,
    limit: '1 kB',
  })),
  {
    name: 'what a button with a hubUrl loads when it mounts: the iframe hub and the protocol parser',
    path: 'dist/chunks/frameHub-*.js',
    import: '*',
    gzip: true,
    // The appearance checks for the hub URL's look parameters, shared with the look chunk, take it past 2.5 kB.
    limit: '3 kB',
  },
  {
    name: 'react-connect-hub/session: the schemas and parsers (zod/mini included)',
    path: 'dist/session.js',
    import: '*',
    gzip: true,
    limit: '9.8 kB',
  },
  {
    name: 'react-connect-hub/protocol: the protocol builders and parsers, for hub authors',
    path: 'dist/protocol.js',
    import: '*',
    gzip: true,
    // The appearance checks took it from under 2 kB to 2.01 kB.
    limit: '2.1 kB',
  },
  {
    name: "react-connect-hub/testing: the in-process test hub and its provider, for host apps' tests and stories",
    path: 'dist/testing.js',
    import: '*',
    ignore: ['react', 'react-dom'],
    gzip: true,
    modifyEsbuildConfig: lazy,
    // The test hub's locale and English words took it from under 2.5 kB to 2.62 kB.
    limit: '2.75 kB',
  },
  {
    name: "react-connect-hub/testing: the test hub's words besides English, loaded by a test hub given another locale",
    path: 'dist/chunks/translations-*.js',
    import: '*',
    gzip: true,
    limit: '1.5 kB',
  },
  {
    name: 'react-connect-hub/stackone, the adapter (@stackone/hub itself is a dynamic import, not counted)',
    path: 'dist/stackone.js',
    import: '{ stackOneHub }',
    ignore: ['react', 'react-dom', '@stackone/hub'],
    gzip: true,
    limit: '2.5 kB',
  },
]
