import { describe, expect, it } from "vitest";
import { clientNetwork } from "../../server/lib/rate-limit/client-network.js";

describe("the network a caller controls", () => {
  it("when the address is IPv4, plain or mapped into IPv6, then it is the address itself", () => {
    expect(clientNetwork("203.0.113.9")).toBe("203.0.113.9");
    expect(clientNetwork("::ffff:203.0.113.9")).toBe("203.0.113.9");
  });

  it("when IPv6 addresses share their first 64 bits, however written, then they are one network", () => {
    const network = clientNetwork("2001:db8:0:7::1");
    expect(network).toBe("2001:db8:0:7::/64");
    for (const address of ["2001:0db8:0000:0007:ffff:1:2:3", "2001:db8::7:0:0:0:9", "2001:db8:0:7:1::", "2001:db8:0:7::1.2.3.4", "2001:db8:0:7::1%eth0"]) {
      expect(clientNetwork(address)).toBe(network);
    }
    expect(clientNetwork("2001:db8:0:8::1")).not.toBe(network);
    expect(clientNetwork("::1")).toBe("0:0:0:0::/64");
  });

  it("when the value is not an IP address, then it is kept as it is", () => {
    expect(clientNetwork("unknown")).toBe("unknown");
  });
});
