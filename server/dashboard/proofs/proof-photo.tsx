import { useEffect, useState } from "preact/hooks";
import { useDashboard } from "../context.js";

/**
 * A proof's photo, fetched with the session's Bearer header (an <img src> cannot send it) and shown from an
 * object URL, released when the proof leaves the page.
 */
export function ProofPhoto({ path, alt }: { path: string; alt: string }) {
  const { api } = useDashboard();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    api.proofPhoto(path).then(
      (blob) => {
        if (!live) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [path]);
  if (failed) return <p class="ql-field-error">The photo could not be loaded. Reload the page to try again.</p>;
  if (!url) return <p class="ql-status">Loading the photo…</p>;
  return (
    <a class="ql-proof__photo-link" href={url} target="_blank" rel="noopener noreferrer">
      <img class="ql-proof__photo" src={url} alt={alt} />
    </a>
  );
}
