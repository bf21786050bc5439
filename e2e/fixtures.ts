import { test as base, expect } from "@playwright/test";

/**
 * Every test fails on a console error or an uncaught exception in the page,
 * and on any request that fails or returns an error status (broken images, scripts).
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        // Failed loads are reported with their URL by the response listener below; a 404
        // document is what 404 tests ask for and assert themselves.
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => errors.push(`exception: ${error.message}`));
      page.on("response", (response) => {
        // A page that is meant to be a 404 is asserted by the test itself.
        if (response.status() >= 400 && response.request().resourceType() !== "document") {
          errors.push(`HTTP ${response.status()}: ${response.url()}`);
        }
      });
      page.on("requestfailed", (request) => {
        const reason = request.failure()?.errorText ?? "";
        // ERR_ABORTED: the test navigated on while a page was still loading; not a fault of the page.
        if (!reason.includes("ERR_ABORTED")) errors.push(`failed: ${request.url()} ${reason}`);
      });
      await use(errors);
      expect(errors, "errors in the browser").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
