import { useEffect, useState } from "preact/hooks";

/** The page in the address's fragment ("#/members/mem_abc"), so reload and back keep the merchant's place. */
const current = () => (window.location.hash.startsWith("#/") ? window.location.hash.slice(1) : "/program");

export function useRoute(): [string, (path: string) => void] {
  const [path, setPath] = useState(current);
  useEffect(() => {
    const follow = () => setPath(current());
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);
  const navigate = (next: string) => {
    if (next !== path) window.location.hash = next;
  };
  return [path, navigate];
}
