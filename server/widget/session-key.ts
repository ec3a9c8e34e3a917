/** Where a store's shopper session token is kept in localStorage (never a cookie). */
export const sessionKey = (storeId: number): string => `questline:${storeId}:token`;
