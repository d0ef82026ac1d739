import { coverArt } from "./cover-art.ts";
import { defaultDevice } from "./playback.ts";
import type { DeviceObject } from "./spotify-objects.ts";

/** Invented people; fake users take them in turn so tests can assert names. */
export interface Persona {
  displayName: string;
  username: string;
  email: string;
  imageUrl: string | null;
  device: DeviceObject;
}

const people = [
  {
    displayName: "Alex Rivera",
    username: "alexr",
    mailbox: "alex",
    avatarColour: "#e65100",
    device: defaultDevice,
  },
  {
    displayName: "Sam Okoro",
    username: "samokoro",
    mailbox: "sam",
    avatarColour: null,
    device: {
      ...defaultDevice,
      id: "a3c1f09e77d24b8e9a6f2c5d4b3e1f0a9c8b7d6e",
      name: "Sam's Pixel",
      type: "Smartphone",
      volume_percent: 100,
    },
  },
  {
    displayName: "Priya Nair",
    username: "priyan",
    mailbox: "priya",
    avatarColour: "#283593",
    device: {
      ...defaultDevice,
      id: "0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e",
      name: "Study MacBook",
      type: "Computer",
      volume_percent: 35,
    },
  },
  {
    displayName: "Jordan Lee",
    username: "jordanlee",
    mailbox: "jordan",
    avatarColour: null,
    device: {
      ...defaultDevice,
      id: "f1e2d3c4b5a69788796a5b4c3d2e1f0011223344",
      name: "Kitchen",
      type: "Speaker",
      volume_percent: 80,
    },
  },
] satisfies {
  displayName: string;
  username: string;
  mailbox: string;
  avatarColour: string | null;
  device: DeviceObject;
}[];

/** The nth user (0-based) gets the nth person, numbered after a full round. */
export function personaFor(n: number): Persona {
  const person = people[n % people.length];
  if (!person) throw new Error("personas list is empty");
  const round = Math.floor(n / people.length);
  const suffix = round === 0 ? "" : String(round + 1);
  return {
    displayName: person.displayName,
    username: `${person.username}${suffix}`,
    email: `${person.mailbox}${suffix}@example.com`,
    imageUrl: person.avatarColour
      ? coverArt(person.displayName, person.avatarColour, 300)
      : null,
    device: { ...person.device },
  };
}
