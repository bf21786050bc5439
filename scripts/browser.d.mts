import type { LaunchOptions } from "@playwright/test";

export declare function playwrightBrowserInstalled(): boolean;
export declare function systemChromium(): string | undefined;
export declare const NO_BROWSER_HELP: string;
export declare function browserLaunchOptions(): LaunchOptions;
