import { configure } from '@testing-library/react'

// The React 18 runs render every test tree under StrictMode: double effects, double renders.
configure({ reactStrictMode: true })
