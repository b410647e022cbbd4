import { render, screen } from '@testing-library/react'
import { version } from 'react'
import { version as domVersion } from 'react-dom'
import { describe, expect, it } from 'vitest'
import { ConnectButton } from '../../src/index.ts'

describe('given the react18 test projects', () => {
  it('when a test imports React → it is React 18.3 from test/react18, for react and react-dom alike', () => {
    expect(version).toBe('18.3.1')
    expect(domVersion).toBe('18.3.1')
  })

  it('when Testing Library renders a ConnectButton → it renders with that same React, under StrictMode', () => {
    let renders = 0
    function Counted() {
      renders++
      return <ConnectButton getToken={async () => 'tok'} hubUrl="https://hub.example.test/" prefetch="none" />
    }
    render(<Counted />)
    expect(screen.getByRole('button', { name: 'Connect' })).toHaveAttribute('data-state', 'idle')
    // StrictMode renders each component twice in development.
    expect(renders).toBe(2)
  })
})
