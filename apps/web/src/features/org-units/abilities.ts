/** What the API says the actor may do with one record (`abilities` in its answers). */
export type Abilities = Record<string, boolean>;
