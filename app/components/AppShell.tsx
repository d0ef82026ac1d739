import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** The frame of every screen: the brand, optional account controls, main. */
export function AppShell({
  account,
  children,
}: {
  account?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="shell">
      <header className="shell-header">
        <Link to="/" className="brand">
          <BrandMark />
          <span className="brand-name">Now Playing</span>
        </Link>
        {account ? <div className="account">{account}</div> : null}
      </header>
      <main id="main" className="shell-main">
        {children}
      </main>
    </div>
  );
}

function BrandMark() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <rect x="3" y="9" width="3" height="12" rx="1.5" />
      <rect x="10.5" y="3" width="3" height="18" rx="1.5" />
      <rect x="18" y="12" width="3" height="9" rx="1.5" />
    </svg>
  );
}
