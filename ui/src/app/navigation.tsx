import { createContext, use, useCallback, useState } from "react";
import { usePendingSaves } from "../shared/pendingSaves";
import type { Route } from "./routes";

/** Goes to a page once what is open is saved; resolves false (and stays) when it is not. */
export type Navigate = (route: Route) => Promise<boolean>;

export const NavigateContext = createContext<Navigate | null>(null);

export function useNavigate(): Navigate {
  const navigate = use(NavigateContext);
  if (!navigate) {
    throw new Error("useNavigate is only for screens inside the workspace");
  }
  return navigate;
}

/** The workspace's current page. Not a URL: nothing about it outlives the window. */
export function useRouter(initial: Route): { route: Route; navigate: Navigate } {
  const { flushAll } = usePendingSaves();
  const [route, setRoute] = useState(initial);

  const navigate = useCallback<Navigate>(
    async (next) => {
      // A note that could not be saved keeps its page (and its "not saved" state) open.
      if (!(await flushAll())) {
        return false;
      }
      setRoute(next);
      return true;
    },
    [flushAll],
  );

  return { route, navigate };
}
