/** The label of the BambooHR account .storybook/main.ts puts in the dev store, for the edit-mode story. */
export const SEEDED_ACCOUNT_LABEL = 'storybook-edit-mode'
