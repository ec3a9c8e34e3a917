import { customAlphabet } from "nanoid";

const tokenBody = customAlphabet("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 32);
const codeBody = customAlphabet("0123456789abcdefghijklmnopqrstuvwxyz", 24);
const orderIdBody = customAlphabet("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", 5);

export const newSecretToken = (): string => `secret_${tokenBody()}`;
export const newPublicToken = (): string => `public_${tokenBody()}`;
export const newAuthCode = (): string => codeBody();

/** Public order ids look like `K8XTQ`; callers check uniqueness within the store. */
export const newPublicOrderId = (): string => orderIdBody();
