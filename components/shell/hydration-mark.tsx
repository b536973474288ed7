"use client";

import { useEffect } from "react";

/**
 * Marks the document once React has hydrated it (`<html data-hydrated>`). Until then a page
 * works as plain HTML: forms post, but client-only controls (tabs, dialogs, the menu) do nothing.
 * End-to-end tests wait for the mark before they use such a control.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}
