import { describe, expect, it } from "vitest";
import { bearer, startEmulator } from "./emulator-fixture.js";

describe("app storage", () => {
  it("when a value is POSTed as text/plain like the JS SDK does, then it is stored verbatim and read back as {key, value}", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });

    const write = await http.post(`/api/v3/1003/storage/installed?token=${store.accessToken}`, "true", {
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Requested-With": "XMLHttpRequest" },
    });
    const read = await http.get("/api/v3/1003/storage/installed", bearer(store.accessToken));

    expect(write.status).toBe(200);
    expect(write.data).toEqual({ updateCount: 1 });
    expect(read.data).toEqual({ key: "installed", value: "true" });
  });

  it("when a JSON document is PUT as application/json like the Kotlin client does, then the raw text is the value", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    const raw = '{"pointsPerDollar": 1, "tiers": ["Bronze", "Gold"]}';

    await http.put("/api/v3/1003/storage/public", raw, {
      headers: { ...bearer(store.accessToken).headers, "Content-Type": "application/json" },
      transformRequest: [(data: unknown) => data],
    });

    expect(emulator.getStorage(1003)).toEqual({ public: raw });
  });

  it("when a body wraps the value as {value}, then the whole body is stored, as the raw-body API does", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });

    await http.post("/api/v3/1003/storage/settings", { value: "x" }, bearer(store.accessToken));

    expect(emulator.getStorage(1003).settings).toBe('{"value":"x"}');
  });

  it("when all keys are listed, then the answer is a bare array of {key, value}", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    emulator.setStorage(1003, "a", "1");
    emulator.setStorage(1003, "b", "");

    const res = await http.get("/api/v3/1003/storage", bearer(store.accessToken));

    expect(res.data).toEqual([
      { key: "a", value: "1" },
      { key: "b", value: "" },
    ]);
  });

  it("when an unknown key is read or deleted, then the API answers 404", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });

    const read = await http.get("/api/v3/1003/storage/missing", bearer(store.accessToken));
    const removed = await http.delete("/api/v3/1003/storage/missing", bearer(store.accessToken));

    expect(read.status).toBe(404);
    expect(read.data.errorMessage).toBe("Key not found");
    expect(removed.status).toBe(404);
  });

  it("when a key is deleted, then the answer is {deleteCount: 1} and the key is gone", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    emulator.setStorage(1003, "installed", "true");

    const res = await http.delete("/api/v3/1003/storage/installed", bearer(store.accessToken));

    expect(res.data).toEqual({ deleteCount: 1 });
    expect(emulator.getStorage(1003)).toEqual({});
  });

  it("when the token may only read the profile, then reading storage works and writing is refused", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003, scopes: ["read_orders"] });

    const read = await http.get("/api/v3/1003/storage", bearer(store.accessToken));
    const write = await http.post("/api/v3/1003/storage/k", "v", bearer(store.accessToken));

    expect(read.status).toBe(200);
    expect(write.status).toBe(403);
    expect(write.data.errorCode).toBe("INSUFFICIENT_APP_SCOPE");
  });

  it("when the public config is larger than 256 KB, then it is refused", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });

    const res = await http.post("/api/v3/1003/storage/public", "x".repeat(256 * 1024 + 1), {
      headers: { ...bearer(store.accessToken).headers, "Content-Type": "text/plain" },
    });

    expect(res.status).toBe(400);
    expect(emulator.getStorage(1003)).toEqual({});
  });
});
