/** A clock that starts at a chosen moment and runs at real speed: daytime tests stay out of quiet hours. */
export function clockStartingAt(iso: string): { now: () => Date; jump(ms: number): void } {
  const startedAt = Date.now();
  let offset = new Date(iso).getTime() - startedAt;
  return {
    now: () => new Date(Date.now() + offset),
    jump(ms: number) {
      offset += ms;
    },
  };
}
