/** Ecwid's datetime format for coupon dates (CONTRACT §4.9): `yyyy-MM-dd HH:mm:ss +0000`, written in UTC. */
export function formatEcwidDate(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000`;
}
