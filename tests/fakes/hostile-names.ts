/**
 * Names a UI must show as plain text whatever they hold. All valid Unicode:
 * only rendering them as markup, or letting them steer the page, would hurt.
 * No imports, since the scenario list that names the device reaches UI code.
 */

/** Right-to-left override, left open so it leaks into what follows. */
const RLO = "\u202E";
/** Woman singer: woman, zero-width joiner, microphone. */
const SINGER = "\u{1F469}\u200D\u{1F3A4}";
/** Family: man, woman, girl, boy, joined by zero-width joiners. */
const FAMILY = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}";

export const HOSTILE_NAMES = {
  track:
    "<img src=x onerror=alert(1)> Night Swim " +
    "</script><script>alert(document.cookie)</script>",
  artist: `${RLO}فرقة الليل שלום ${SINGER} \u{1F3B8}`,
  album: "Songs for Screens Far Too Narrow to Hold Them, "
    .repeat(11)
    .slice(0, 500),
  device: `<b onmouseover=alert(1)>Kitchen</b> \u{1F50A} ${FAMILY}`,
};
