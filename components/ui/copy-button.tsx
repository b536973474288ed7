"use client";

import { useEffect, useState } from "react";
import { Button, type ButtonVariant } from "./button";

/** Copies text to the clipboard and says so for a moment (announced to screen readers). */
export function CopyButton({
  text,
  label,
  copiedLabel,
  variant = "secondary",
}: {
  text: string;
  label: string;
  copiedLabel: string;
  variant?: ButtonVariant;
}) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <Button
      variant={variant}
      size="sm"
      // No clipboard outside secure contexts: the text is on screen to copy by hand.
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      <span aria-live="polite">{copied ? copiedLabel : label}</span>
    </Button>
  );
}
