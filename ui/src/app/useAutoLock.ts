import { useEffect, useRef } from "react";

/** Dispatched on `window` by the shell when the screen locks or the laptop sleeps (session_lock.rs). */
export const LOCK_REQUESTED_EVENT = "kizuki:lock-requested";

/** How often idleness is checked. */
export const CHECK_EVERY_MS = 5_000;

/**
 * A gap this long between two checks means the page was frozen: the machine slept, perhaps
 * without the desktop saying so. Locking then is what a closed lid asks for. Webviews slow a
 * hidden window's timers to about one a minute, so the gap that counts is well above that.
 */
export const SLEPT_AFTER_MS = 5 * 60_000;

/** Dispatched on `window` by the shell when it locked without the UI (session_lock.rs). */
export const LOCKED_EVENT = "kizuki:locked";

/**
 * While something on screen must not vanish by itself (a recovery key being copied onto paper
 * shows no typing at all), idleness does not count. The screen locking and sleep still lock.
 */
let idleHolds = 0;

/** Keeps the idle lock from firing while the calling component is on screen. */
export function useHoldIdleLock(): void {
  useEffect(() => {
    idleHolds += 1;
    return () => {
      idleHolds -= 1;
    };
  }, []);
}

/** What counts as the consultant being there. Typing with an IME fires composition events. */
const ACTIVITY = ["keydown", "pointerdown", "pointermove", "wheel", "touchstart", "compositionupdate"] as const;

/**
 * Locks after `minutes` without a key press, a click or a move of the pointer, after a sleep,
 * and when the shell asks (screen locked, lid closed). `lock` runs once per unlock: it saves
 * what is open, locks, and clears what the page holds. The clock is read, not trusted to tick:
 * timers of a hidden or frozen page may fire late, and a late check still sees the time gone.
 */
export function useAutoLock(minutes: number, lock: () => Promise<void>): void {
  // The latest `lock`, without restarting the idle clock each time its identity changes.
  const lockRef = useRef(lock);
  useEffect(() => {
    lockRef.current = lock;
  }, [lock]);
  useEffect(() => {
    let lastActivity = Date.now();
    let lastCheck = Date.now();
    let locking = false;
    const lockOnce = () => {
      if (!locking) {
        locking = true;
        void lockRef.current();
      }
    };
    const onActivity = () => {
      lastActivity = Date.now();
    };
    const check = () => {
      const now = Date.now();
      const slept = now - lastCheck >= SLEPT_AFTER_MS;
      lastCheck = now;
      if (idleHolds > 0) {
        lastActivity = now;
      }
      if (slept || now - lastActivity >= minutes * 60_000) {
        lockOnce();
      }
    };
    for (const name of ACTIVITY) {
      document.addEventListener(name, onActivity, { capture: true, passive: true });
    }
    window.addEventListener(LOCK_REQUESTED_EVENT, lockOnce);
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const name of ACTIVITY) {
        document.removeEventListener(name, onActivity, { capture: true });
      }
      window.removeEventListener(LOCK_REQUESTED_EVENT, lockOnce);
      window.clearInterval(timer);
    };
  }, [minutes]);
}
