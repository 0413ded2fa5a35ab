import { describe, expect, it } from "vitest";
import { withoutHeaderLine } from "@/components/optimization/shift-type-lines";

describe("withoutHeaderLine (a shift-type CSV loaded into the Capacity plan form)", () => {
  it("drops a header row of column names, with a byte-order mark and Windows line ends", () => {
    expect(withoutHeaderLine("\uFEFFname,start,length,cost\r\nEarly,06:00,8\r\nLate,14:00,8,1.2\r\n")).toBe("Early,06:00,8\nLate,14:00,8,1.2");
  });

  it("keeps a file without a header as it is", () => {
    expect(withoutHeaderLine("Early,06:00,8\nLate,14:00,8")).toBe("Early,06:00,8\nLate,14:00,8");
  });

  it("keeps a shift type whose name merely starts with 'name'", () => {
    expect(withoutHeaderLine("Names night,22:00,8")).toBe("Names night,22:00,8");
  });
});
