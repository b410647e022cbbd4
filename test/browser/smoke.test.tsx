import { render, screen } from '@testing-library/react'
import { expect, it } from 'vitest'

it('renders in real Chromium', async () => {
  render(<dialog open>hi</dialog>)
  expect(screen.getByRole('dialog')).toHaveTextContent('hi')
  expect(navigator.userAgent).toContain('Chrome')
})
