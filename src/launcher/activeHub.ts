/** The launcher that has a hub on screen: one per page at a time. */
let active: object | undefined

/** Takes the page for `owner`; false while another launcher has a hub on screen. */
export function claimPage(owner: object): boolean {
  if (active && active !== owner) return false
  active = owner
  return true
}

/** Gives the page back, if `owner` has it. */
export function releasePage(owner: object): void {
  if (active === owner) active = undefined
}
