/** Where a store's shopper session lives in localStorage (never a cookie): the token, and the email it proves. */
export const sessionKey = (storeId: number): string => `questline:${storeId}:token`;
export const sessionEmailKey = (storeId: number): string => `questline:${storeId}:email`;
