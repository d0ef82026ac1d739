import type { Page } from "@playwright/test";

export const positionSlider = (page: Page) =>
  page.getByRole("slider", { name: "Playback position" });

/** The elapsed time the page shows, in seconds. */
export async function elapsedSeconds(page: Page) {
  const text =
    (await positionSlider(page).getAttribute("aria-valuetext")) ?? "";
  const [minutes, seconds] = text.split(" of ")[0]?.split(":") ?? [];
  return Number(minutes) * 60 + Number(seconds);
}
