import { describe, expect, it } from "vitest";
import { dateFromFileName, isPlaceholderDate, parseDate, utcTime, ymdInZone, zonedToUtc } from "./dates";

describe("parseDate", () => {
  it("reads a date-only value as midnight in the site's timezone", () => {
    const result = parseDate("2016-01-19", "Europe/Berlin");
    expect(result).toEqual({ kind: "ok", date: new Date("2016-01-18T23:00:00Z"), lenient: false });
  });

  it("reads `YYYY-MM-DD HH:MM:SS` as wall-clock time, honouring daylight saving time", () => {
    const result = parseDate("2017-05-11 07:00:00", "Europe/Berlin");
    expect(result.kind === "ok" && result.date.toISOString()).toBe("2017-05-11T05:00:00.000Z");
  });

  it("uses an explicit offset over the timezone", () => {
    const result = parseDate("2017-05-11 07:00:00 +0100", "Europe/Berlin");
    expect(result.kind === "ok" && result.date.toISOString()).toBe("2017-05-11T06:00:00.000Z");
    const iso = parseDate("2017-05-11T07:00:00Z", "Europe/Berlin");
    expect(iso.kind === "ok" && iso.date.toISOString()).toBe("2017-05-11T07:00:00.000Z");
  });

  it("refuses offsets no place has", () => {
    expect(parseDate("2022-01-21 10:00:00 +25:00", "UTC")).toEqual({ kind: "invalid" });
    expect(parseDate("2022-01-21 10:00:00 +05:75", "UTC")).toEqual({ kind: "invalid" });
    expect(parseDate("2022-01-21 10:00:00 +14:00", "UTC").kind).toBe("ok");
    expect(parseDate("2022-01-21 10:00:00 -12:00", "UTC").kind).toBe("ok");
  });

  it("defaults to UTC", () => {
    const result = parseDate("2020-02-29", "UTC");
    expect(result.kind === "ok" && result.date.toISOString()).toBe("2020-02-29T00:00:00.000Z");
  });

  it("recognizes placeholders such as 2017-XX-XX", () => {
    expect(parseDate("2017-XX-XX 07:00:00", "UTC")).toEqual({ kind: "placeholder" });
    expect(isPlaceholderDate("YYYY-MM-DD")).toBe(true);
    expect(isPlaceholderDate("2017-05-11")).toBe(false);
  });

  it("accepts trailing junk as Jekyll does, but flags it", () => {
    const result = parseDate('2016-12-15"', "UTC");
    expect(result).toMatchObject({ kind: "ok", lenient: true });
  });

  it("reads the English forms with a month name that Ruby's Time.parse takes", () => {
    const utc = (text: string) => {
      const result = parseDate(text, "UTC");
      return result.kind === "ok" ? `${result.date.toISOString()}${result.lenient ? " lenient" : ""}` : result.kind;
    };
    expect(utc("Jan 7, 2020")).toBe("2020-01-07T00:00:00.000Z");
    expect(utc("January 7th 2020")).toBe("2020-01-07T00:00:00.000Z");
    expect(utc("7 Sept 2021 10:30")).toBe("2021-09-07T10:30:00.000Z");
    expect(utc("Tue, 07 Jan 2020 10:00:00 +0100")).toBe("2020-01-07T09:00:00.000Z");
    expect(utc("March 3, 2019 at 4:05 pm GMT")).toBe("2019-03-03T16:05:00.000Z");
    expect(utc("Mar 3, 2019 12:15 AM")).toBe("2019-03-03T00:15:00.000Z");
    expect(utc("2019/03/04 08:00")).toBe("2019-03-04T08:00:00.000Z");
    expect(utc("Jan 7, 2020 10:30 EST")).toBe("2020-01-07T10:30:00.000Z lenient");
    const berlin = parseDate("Jul 1, 2020 12:00", "Europe/Berlin");
    expect(berlin.kind === "ok" && berlin.date.toISOString()).toBe("2020-07-01T10:00:00.000Z");
    for (const text of ["Jant 7, 2020", "Feb 30, 2020", "Jan 7, 20201", "Jan 7", "13:00 pm Jan 7, 2020", "Jan 7, 2020 13:00 pm", "2020/01-07"]) {
      expect(utc(text), text).toBe("invalid");
    }
  });

  it("keeps years below 100 as written (Date.UTC would make 0050 into 1950)", () => {
    const fifty = parseDate("0050-06-01", "UTC");
    expect(fifty.kind === "ok" && fifty.date.toISOString()).toBe("0050-06-01T00:00:00.000Z");
    expect(ymdInZone(new Date(utcTime(50, 5, 1)), "Europe/Berlin")).toBe("0050-06-01");
    // Leap years by the year itself: 0004 had a 29 February, 0050 did not.
    expect(parseDate("0004-02-29", "UTC").kind).toBe("ok");
    expect(parseDate("0050-02-29", "UTC").kind).toBe("invalid");
    // Year 0 in a zone east of UTC starts in year -1, which Intl calls 1 BC.
    const zero = parseDate("0000-01-01", "Europe/Berlin");
    expect(zero.kind === "ok" && ymdInZone(zero.date, "Europe/Berlin")).toBe("0000-01-01");
    expect(zero.kind === "ok" && zero.date.getUTCFullYear()).toBe(-1);
  });

  it("rejects impossible dates and non-dates", () => {
    expect(parseDate("2017-02-30", "UTC")).toEqual({ kind: "invalid" });
    expect(parseDate("next tuesday", "UTC")).toEqual({ kind: "invalid" });
    expect(parseDate(42, "UTC")).toEqual({ kind: "invalid" });
  });
});

describe("time zones", () => {
  it("round-trips wall-clock parts", () => {
    const instant = zonedToUtc({ year: 2021, month: 3, day: 28, hour: 12, minute: 0, second: 0 }, "America/New_York");
    expect(instant.toISOString()).toBe("2021-03-28T16:00:00.000Z");
    expect(ymdInZone(new Date("2021-12-31T23:30:00Z"), "Asia/Tokyo")).toBe("2022-01-01");
  });
});

describe("dateFromFileName", () => {
  it("splits Jekyll post names", () => {
    expect(dateFromFileName("2016-01-19-how-to-setup.md")).toEqual({ ymd: "2016-01-19", slug: "how-to-setup" });
    expect(dateFromFileName("no-date.md")).toBeUndefined();
    expect(dateFromFileName("2016-3-8-short.md")).toEqual({ ymd: "2016-03-08", slug: "short" });
    // Jekyll takes 2- to 4-digit years; Ruby's Time.parse puts two digits in 1969-2068.
    expect(dateFromFileName("22-08-09-custom-kernel.md")).toEqual({ ymd: "2022-08-09", slug: "custom-kernel" });
    expect(dateFromFileName("98-12-31-party.md")).toEqual({ ymd: "1998-12-31", slug: "party" });
    expect(dateFromFileName("10-tips-for-ci.md")).toBeUndefined();
  });
});
