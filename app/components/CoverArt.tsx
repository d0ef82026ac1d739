/** Cover art, or a quiet placeholder when Spotify has none (local files). */
export function CoverArt({
  src,
  alt,
  size,
}: {
  src: string | null;
  alt: string;
  size: number;
}) {
  if (!src) {
    return (
      <div
        className="cover cover-missing"
        style={{ width: size, height: size }}
        role="img"
        aria-label={alt}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M9 18V6l11-2v12M9 18a3 3 0 1 1-3-3 3 3 0 0 1 3 3Zm11-2a3 3 0 1 1-3-3 3 3 0 0 1 3 3Z" />
        </svg>
      </div>
    );
  }
  return (
    <img
      className="cover"
      src={src}
      alt={alt}
      width={size}
      height={size}
      decoding="async"
    />
  );
}
