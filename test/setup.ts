import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// Seven projects share two cores in `npm test`: give awaited DOM states room under load. This waits
// for an event, it never sleeps: a state that arrives early ends the wait at once.
configure({ asyncUtilTimeout: 15_000 })

afterEach(() => cleanup())
