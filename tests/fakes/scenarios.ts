import { type ClerkScenario, clerkScenarios } from "./clerk-scenarios.ts";
import { type SpotifyScenario, spotifyScenarios } from "./spotify-scenarios.ts";

export {
  type ClerkScenario,
  type ClerkScenarioName,
  clerkScenarios,
  isClerkScenarioName,
} from "./clerk-scenarios.ts";
export {
  type EndpointGroup,
  isSpotifyScenarioName,
  type SpotifyFailure,
  type SpotifyScenario,
  type SpotifyScenarioName,
  spotifyScenarios,
} from "./spotify-scenarios.ts";

export interface ScenarioSummary {
  name: string;
  description: string;
}

export interface ScenarioCatalog {
  clerk: ScenarioSummary[];
  spotify: ScenarioSummary[];
}

function summaries(
  scenarios: Record<string, ClerkScenario | SpotifyScenario>,
): ScenarioSummary[] {
  return Object.entries(scenarios).map(([name, scenario]) => ({
    name,
    description: scenario.description,
  }));
}

/** Every named scenario with its one-line description, for a switcher UI. */
export function listScenarios(): ScenarioCatalog {
  return {
    clerk: summaries(clerkScenarios),
    spotify: summaries(spotifyScenarios),
  };
}

/** The one-line description of a scenario, or null for an unknown name. */
export function describeScenario(name: string): string | null {
  const { clerk, spotify } = listScenarios();
  const found = [...clerk, ...spotify].find((entry) => entry.name === name);
  return found?.description ?? null;
}
