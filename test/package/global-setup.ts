import type { TestProject } from 'vitest/node'
import { packedTarball } from './pack.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The path of `npm pack`'s tarball of the built package, made once per run. */
    packedTarball: string
  }
}

/** Packs the package once for every test of the run. */
export default async function setup(project: TestProject) {
  project.provide('packedTarball', await packedTarball())
}
