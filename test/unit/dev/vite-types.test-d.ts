import type { Plugin, PluginOption, ResolvedConfig, ViteDevServer } from 'vite'
import { expectTypeOf, test } from 'vitest'
import { type ConnectHubDevPlugin, connectHubDev } from '../../../src/dev/index.ts'
import type { BuildContextLike, ViteConfigLike, ViteDevServerLike } from '../../../src/dev/vite/types.ts'

// The plugin's types describe Vite by shape, so that they import nothing from `vite`: Vite's own types must fit them.
test('connectHubDev() fits plugins: […] of a Vite config', () => {
  expectTypeOf(connectHubDev()).toExtend<Plugin>()
  expectTypeOf(connectHubDev()).toExtend<PluginOption>()
  expectTypeOf<ConnectHubDevPlugin>().toExtend<Plugin>()
})

test("Vite's dev server and resolved config have every member the plugin reads", () => {
  expectTypeOf<ViteDevServer>().toExtend<ViteDevServerLike>()
  expectTypeOf<ResolvedConfig>().toExtend<ViteConfigLike>()
})

test("Rolldown's plugin context has what generateBundle reports errors with", () => {
  type BuildContext = ThisParameterType<Extract<NonNullable<Plugin['generateBundle']>, (...args: never[]) => unknown>>
  expectTypeOf<BuildContext>().toExtend<BuildContextLike>()
})
