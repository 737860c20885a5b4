// What the two pages share: the programme in use (dropped, chosen or the
// example) and the policies served.

const listeners = [];

export const state = {
  // programme is {name, type, data: Blob} once one is chosen.
  programme: null,
  // policies are the summaries of GET /v1/policies.
  policies: [],
};

export function setProgramme(p) {
  state.programme = p;
  for (const f of listeners) f(p);
}

export function onProgramme(f) {
  listeners.push(f);
}
